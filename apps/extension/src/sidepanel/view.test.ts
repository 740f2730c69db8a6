// @vitest-environment happy-dom
import type { Finding } from '@nianbao/schema';
import { describe, expect, it, vi } from 'vitest';
import type { NumberedFinding } from '../shared/types.ts';
import { defectiveReport, stateFor } from './fixture.test-util.ts';
import { listFindings, type PanelActions, type PanelModel, renderPanel } from './view.ts';

function actions(): PanelActions & Record<string, ReturnType<typeof vi.fn>> {
  return {
    setLocale: vi.fn(),
    recheck: vi.fn(),
    setMarks: vi.fn(),
    reveal: vi.fn(),
    setFilter: vi.fn(),
    exportAs: vi.fn(),
    openInForm: vi.fn(),
  };
}

function model(overrides: Partial<PanelModel> = {}): PanelModel {
  return {
    state: stateFor(defectiveReport()),
    locale: 'zh-CN',
    filter: { error: true, warning: true, info: true },
    ...overrides,
  };
}

describe('side panel view', () => {
  it('lists every finding, grouped by severity, with the report facts', () => {
    const root = document.body.appendChild(document.createElement('main'));
    const m = model();
    renderPanel(root, m, actions());
    const findings = m.state!.reports[0]!.findings;
    expect(root.querySelectorAll('li.finding')).toHaveLength(findings.length);
    for (const f of findings) {
      const item = root.querySelector(
        `section[data-severity="${f.severity}"] li.finding[data-rule-id="${f.ruleId}"]`,
      );
      expect(item, `${f.severity} / ${f.ruleId}`).not.toBeNull();
    }
    expect(root.querySelector('[data-meta="year"]')!.textContent).toBe('2020');
    expect(root.querySelector('[data-meta="deadline"]')!.getAttribute('data-status')).toBe('late');
    expect(root.querySelector('[data-meta="deadline"]')!.textContent).toContain('2021-01-31');
    // page text (here the agency name) is text, never markup
    expect(root.querySelector('[data-meta="agency"]')!.textContent).toContain('<script>');
    expect(root.querySelector('script')).toBeNull();
  });

  it('filters by severity and sends clicks to the page', () => {
    const root = document.body.appendChild(document.createElement('main'));
    const a = actions();
    const m = model({ filter: { error: false, warning: true, info: true } });
    renderPanel(root, m, a);
    expect(root.querySelectorAll('li.finding[data-severity="error"]')).toHaveLength(0);
    const shown = m.state!.reports[0]!.findings.filter((f) => f.severity !== 'error');
    expect(root.querySelectorAll('li.finding')).toHaveLength(shown.length);

    (root.querySelector('#filter-error') as HTMLInputElement).click();
    expect(a.setFilter).toHaveBeenCalledWith('error', true);

    renderPanel(root, model(), a);
    const button = root.querySelector('li.finding button.reveal') as HTMLButtonElement;
    button.click();
    expect(a.reveal).toHaveBeenCalledWith(
      Number(button.closest('li')!.getAttribute('data-finding-number')),
    );
    (root.querySelector('[data-export="csv"]') as HTMLButtonElement).click();
    expect(a.exportAs).toHaveBeenCalledWith('csv');
    (root.querySelector('#toggle-marks') as HTMLButtonElement).click();
    expect(a.setMarks).toHaveBeenCalledWith(false);
    (root.querySelector('button.open-form') as HTMLButtonElement).click();
    expect(a.openInForm).toHaveBeenCalledWith(0);
  });

  it('switches language', () => {
    const root = document.body.appendChild(document.createElement('main'));
    const a = actions();
    renderPanel(root, model({ locale: 'en', state: stateFor(defectiveReport(), 'en') }), a);
    expect(root.querySelector('h1')!.textContent).toBe('nianbao report check');
    const select = root.querySelector('#language') as HTMLSelectElement;
    select.value = 'zh-CN';
    select.dispatchEvent(new Event('change'));
    expect(a.setLocale).toHaveBeenCalledWith('zh-CN');
  });

  it('says when the page holds no report or the check failed', () => {
    const root = document.body.appendChild(document.createElement('main'));
    const base = model().state!;
    renderPanel(root, model({ state: { ...base, state: 'no-report', reports: [] } }), actions());
    expect(root.getAttribute('data-panel-state')).toBe('no-report');
    expect(root.textContent).toContain('本页未找到可读的年度报告');
    renderPanel(
      root,
      model({ state: { ...base, state: 'error', reports: [], error: '<b>boom</b>' } }),
      actions(),
    );
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toContain('<b>boom</b>');
    renderPanel(root, model({ state: undefined }), actions());
    expect(root.getAttribute('data-panel-state')).toBe('idle');
  });
});

function numbered(
  ruleId: string,
  severity: Finding['severity'],
  number: number,
  extra: Partial<NumberedFinding> = {},
): NumberedFinding {
  return {
    ruleId,
    severity,
    origin: 'report',
    message: `${ruleId} message`,
    cells: [],
    fingerprint: `fp-${number}`,
    number,
    reportIndex: 0,
    table: 'other',
    marked: false,
    ...extra,
  };
}

describe('the side panel list (issue 12)', () => {
  it('orders by severity, then page position; reading notes apart', () => {
    const list = listFindings([
      numbered('CELL-BLANK', 'warning', 1, { position: 30 }),
      numbered('T3-ROW-TOTAL', 'error', 2, { position: 20 }),
      numbered('S-SEC6-OTHER', 'info', 3),
      numbered('MONEY-HDR-DECIMALS', 'warning', 4, { position: 5 }),
      numbered('T3-COL-BALANCE', 'error', 5, { position: 10 }),
      numbered('EXTRACT-SPLIT-INFERRED', 'error', 6, { origin: 'extraction', position: 1 }),
      numbered('S-SUBHEADING-SEQUENCE', 'warning', 7),
    ]);
    expect(list.findings.map((f) => f.number)).toEqual([5, 2, 4, 1, 7, 3]);
    expect(list.notes.map((f) => f.number)).toEqual([6]);
  });

  it('does not list one missing row twice (EXTRACT-ROW-MISSING beside T2-B-SHAPE)', () => {
    const row = 'activeDisclosure.regulations';
    const cells = ['issued', 'repealed', 'valid'].map((c) => `${row}.${c}`);
    const shape = numbered('T2-B-SHAPE', 'error', 1, { cells: [row, ...cells] });
    const missing = numbered('EXTRACT-ROW-MISSING', 'info', 2, { origin: 'extraction', cells });
    const other = numbered('EXTRACT-ROW-MISSING', 'info', 3, {
      origin: 'extraction',
      cells: ['activeDisclosure.penalty.decisions'],
    });
    const list = listFindings([shape, missing, other]);
    expect(list.findings).toEqual([shape]);
    expect(list.notes).toEqual([other]);
    expect(list.also.get(1)).toEqual([missing]);

    const root = document.body.appendChild(document.createElement('main'));
    const base = model().state!;
    const state = {
      ...base,
      reports: [{ ...base.reports[0]!, findings: [shape, missing, other] }],
    };
    renderPanel(root, model({ state }), actions());
    expect(root.querySelectorAll('li.finding')).toHaveLength(2);
    const kept = root.querySelector('li.finding[data-rule-id="T2-B-SHAPE"]')!;
    expect(kept.getAttribute('data-also')).toBe('EXTRACT-ROW-MISSING');
    expect(kept.querySelector('.rule')!.getAttribute('title')).toBe(
      'T2-B-SHAPE · EXTRACT-ROW-MISSING',
    );
  });

  it('names rules in Chinese with the id in a tooltip; no "not on the page", no timing', () => {
    const root = document.body.appendChild(document.createElement('main'));
    renderPanel(root, model(), actions());
    const item = root.querySelector('li.finding[data-rule-id="T3-COL-BALANCE"]')!;
    const rule = item.querySelector('.rule')!;
    expect(rule.getAttribute('title')).toBe('T3-COL-BALANCE');
    expect(rule.textContent).toMatch(/[\u4e00-\u9fff]/);
    expect(rule.textContent).not.toContain('T3-COL-BALANCE');
    expect(root.textContent).not.toContain('页面上无对应单元格');
    expect(root.textContent).not.toMatch(/用时|\d ms\b/);
  });

  it("shows the report's own title, not the page <title> with the portal suffix", () => {
    const root = document.body.appendChild(document.createElement('main'));
    const base = model().state!;
    const page = base.reports[0]!;
    const state = {
      ...base,
      title: '平潭综合实验区2023年度政府信息公开工作年度报告-平潭综合实验区管理委员会',
      reports: [
        {
          ...page,
          report: {
            ...page.report,
            meta: { ...page.report.meta, title: '平潭综合实验区2023年度政府信息公开工作年度报告' },
          },
        },
      ],
    };
    renderPanel(root, model({ state }), actions());
    expect(root.querySelector('[data-meta="title"]')!.textContent).toBe(
      '平潭综合实验区2023年度政府信息公开工作年度报告',
    );
    expect(root.textContent).not.toContain('管理委员会');
  });

  it('counts reading notes apart and pluralises English counts', () => {
    const root = document.body.appendChild(document.createElement('main'));
    const base = stateFor(defectiveReport(), 'en');
    const note = numbered('EXTRACT-SPLIT-INFERRED', 'info', 99, { origin: 'extraction' });
    const state = {
      ...base,
      counts: { error: 1, warning: 2, info: 0, notes: 1 },
      reports: [{ ...base.reports[0]!, findings: [...base.reports[0]!.findings, note] }],
    };
    renderPanel(root, model({ locale: 'en', state }), actions());
    const filter = root.querySelector('fieldset.filter')!.textContent!;
    expect(filter).toContain('1 error');
    expect(filter).not.toContain('1 errors');
    expect(filter).toContain('2 warnings');
    expect(filter).toContain('0 infos');
    expect(filter).toContain('1 reading note');
    const notes = root.querySelector('section.notes')!;
    expect(notes.querySelector('h3')!.textContent).toBe('1 reading note');
    expect(notes.querySelectorAll('li.finding')).toHaveLength(1);
    expect(
      root.querySelector('section[data-severity] li[data-rule-id="EXTRACT-SPLIT-INFERRED"]'),
    ).toBeNull();
  });
});
