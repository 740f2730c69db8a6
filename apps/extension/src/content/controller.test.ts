import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath } from '../../../../tests/corpus.ts';
import type { PageState } from '../shared/types.ts';
import { parsePage } from '../test-dom.ts';
import { PageController } from './controller.ts';

const fragment = readFileSync(corpusPath('pages/sh-gov-office-2019.fragment.html'), 'utf8');

function shanghai(): Document {
  return parsePage(
    `<!DOCTYPE html><html><head><title>2019年上海市人民政府办公厅政府信息公开工作年度报告</title></head><body><div>${fragment}</div></body></html>`,
    'https://www.shanghai.gov.cn/nw12344/20200131/report.html',
  );
}

function controllerFor(doc: Document) {
  const published: PageState[] = [];
  const controller = new PageController(doc, { publish: (s) => published.push(s) });
  return { controller, published };
}

describe('PageController on the Shanghai 2019 report (real extract + check)', () => {
  it('marks the known defects where they are: the 11 result rows whose 总计 is blank', () => {
    const doc = shanghai();
    const { controller, published } = controllerFor(doc);
    const state = controller.run('zh-CN');
    expect(state.state).toBe('done');
    expect(doc.documentElement.getAttribute('data-nianbao-state')).toBe('done');
    expect(published.at(-1)).toBe(state);

    // One cause, one finding (issue 12): the blank 总计 column is T3-TOTAL-BLANK over its 11 cells
    // (the per-row T3-ROW-TOTAL findings it used to come with are gone, or at least not needed).
    const rowTotals = doc.querySelectorAll('[data-nianbao-finding~="T3-TOTAL-BLANK"]');
    expect(rowTotals).toHaveLength(11);
    for (const cell of rowTotals)
      expect(cell.getAttribute('data-nianbao-cell')).toMatch(/^applications\.results\..*\.total$/);
    const findings = state.reports[0]!.findings;
    if (findings.some((f) => f.ruleId === 'T3-RESULTS-SUM')) {
      const resultsSum = doc.querySelector('[data-nianbao-primary~="T3-RESULTS-SUM"]');
      expect(resultsSum?.getAttribute('data-nianbao-cell')).toBe(
        'applications.results.total.total',
      );
      expect(resultsSum?.textContent?.trim()).toBe('805');
    }

    // every finding with a cell on the page is numbered on its badge, in the panel's order
    const numbers = state.reports.flatMap((r) =>
      r.findings.filter((f) => f.marked).map((f) => String(f.number)),
    );
    const badges = [...doc.querySelectorAll('[data-nianbao-badge]')].flatMap((el) =>
      el.getAttribute('data-nianbao-badge')!.split(','),
    );
    expect(new Set(badges)).toEqual(new Set(numbers));
    const summary = doc.querySelector('[data-nianbao-summary]')!;
    expect(Number(summary.getAttribute('data-warnings'))).toBe(state.counts.warning);
    // provenance crosses messaging as JSON: no DOM elements in the state
    expect(() => JSON.stringify(state)).not.toThrow();
    expect(JSON.stringify(state)).not.toContain('"element"');
  });

  it('switches off to the page exactly as it was, and back on', () => {
    const doc = shanghai();
    const before = doc.documentElement.outerHTML;
    const { controller } = controllerFor(doc);
    const state = controller.run('zh-CN');
    expect(doc.documentElement.outerHTML).not.toBe(before);
    expect(controller.setMarks(false).marksOn).toBe(false);
    expect(doc.documentElement.outerHTML).toBe(before);
    controller.setMarks(true);
    expect(doc.querySelectorAll('[data-nianbao-mark]').length).toBeGreaterThan(0);
    const onPage = state.reports[0]!.findings.find((f) => f.marked)!;
    const offPage = state.reports[0]!.findings.find((f) => !f.marked)!;
    expect(controller.reveal(onPage.number)).toBe(true);
    expect(doc.querySelector('[data-nianbao-flash]')?.getAttribute('data-nianbao-badge')).toContain(
      String(onPage.number),
    );
    expect(controller.reveal(offPage.number)).toBe(false);
    controller.setMarks(false);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('re-checks in English without stacking marks', () => {
    const doc = shanghai();
    const { controller } = controllerFor(doc);
    const zh = controller.run('zh-CN');
    const marked = doc.querySelectorAll('[data-nianbao-mark]').length;
    const en = controller.run('en');
    expect(doc.querySelectorAll('[data-nianbao-mark]').length).toBe(marked);
    expect(doc.querySelectorAll('[data-nianbao-summary]')).toHaveLength(1);
    expect(en.counts).toEqual(zh.counts);
    expect(en.reports[0]!.findings.find((f) => f.ruleId === 'T3-TOTAL-BLANK')!.message).toMatch(
      /[A-Za-z]/,
    );
  });

  it('turns a failure into state "error" without throwing', () => {
    const doc = shanghai();
    const before = doc.documentElement.outerHTML;
    const controller = new PageController(doc, {
      publish() {
        throw new Error('worker gone');
      },
      check() {
        throw new Error('boom');
      },
    });
    const state = controller.run('zh-CN');
    expect(state).toMatchObject({ state: 'error', error: 'boom' });
    expect(doc.documentElement.getAttribute('data-nianbao-state')).toBe('error');
    controller.setMarks(false);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('says no-report on a page without a report', () => {
    const doc = parsePage(
      '<html><head><title>平潭新闻</title></head><body><p>今日无事。</p></body></html>',
    );
    const { controller } = controllerFor(doc);
    const state = controller.run('zh-CN');
    expect(state.state).toBe('no-report');
    expect(state.diagnostics.length).toBeGreaterThan(0);
    expect(doc.querySelector('[data-nianbao-summary]')?.getAttribute('data-state')).toBe(
      'no-report',
    );
  });
});
