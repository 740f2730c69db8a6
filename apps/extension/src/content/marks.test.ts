import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath } from '../../../../tests/corpus.ts';
import { parsePage } from '../test-dom.ts';
import { applyMarks, type CellMark, countText } from './marks.ts';

const fragment = readFileSync(corpusPath('pages/sh-gov-office-2019.fragment.html'), 'utf8');

function shanghaiPage(): Document {
  return parsePage(
    `<!DOCTYPE html><html><head><title>上海市人民政府</title></head><body><div id="ivs_content">${fragment}</div></body></html>`,
    'https://www.shanghai.gov.cn/nw12344/20200131/report.html',
  );
}

function cellsOf(doc: Document): Element[] {
  return [...doc.querySelectorAll('td')].filter((td) => /^\d+$/.test(td.textContent?.trim() ?? ''));
}

const summary = {
  locale: 'zh-CN' as const,
  state: 'done' as const,
  counts: { error: 2, warning: 1, info: 0 },
  reports: 1,
};

describe('applyMarks', () => {
  it('marks primary and involved cells, numbers badges, and restores the page exactly', () => {
    const doc = shanghaiPage();
    const before = doc.documentElement.outerHTML;
    const [a, b, c] = cellsOf(doc);
    const marks: CellMark[] = [
      {
        element: a!,
        number: 1,
        ruleId: 'T3-ROW-TOTAL',
        severity: 'error',
        role: 'primary',
        path: 'applications.newReceived.total',
        message: 'm1',
        fix: '改为 805',
      },
      {
        element: b!,
        number: 1,
        ruleId: 'T3-ROW-TOTAL',
        severity: 'error',
        role: 'involved',
        path: 'applications.newReceived.naturalPerson',
        message: 'm1',
      },
      {
        element: c!,
        number: 2,
        ruleId: 'T3-RESULTS-SUM',
        severity: 'warning',
        role: 'primary',
        path: 'applications.results.total.total',
        message: 'm2',
      },
      {
        element: a!,
        number: 3,
        ruleId: 'T3-COL-BALANCE',
        severity: 'error',
        role: 'primary',
        path: 'applications.newReceived.total',
        message: 'm3',
      },
    ];
    const handle = applyMarks(doc, marks, summary);

    expect(handle.markedCells).toBe(3);
    expect(a!.getAttribute('data-nianbao-finding')).toBe('T3-ROW-TOTAL T3-COL-BALANCE');
    expect(a!.getAttribute('data-nianbao-mark')).toBe('primary');
    expect(a!.getAttribute('data-nianbao-badge')).toBe('1,3');
    expect(b!.getAttribute('data-nianbao-mark')).toBe('involved');
    expect(b!.hasAttribute('data-nianbao-badge')).toBe(false);
    expect(c!.getAttribute('data-nianbao-severity')).toBe('warning');
    const bar = doc.querySelector('[data-nianbao-summary]')!;
    expect(bar.getAttribute('data-errors')).toBe('2');
    expect(bar.getAttribute('data-warnings')).toBe('1');
    expect(bar.getAttribute('data-marked')).toBe('3');
    expect(bar.shadowRoot).toBeNull(); // closed: page scripts cannot reach in

    expect(handle.reveal(2)).toBe(true);
    expect(c!.hasAttribute('data-nianbao-flash')).toBe(true);
    expect(handle.reveal(99)).toBe(false);

    handle.remove();
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(doc.adoptedStyleSheets.length).toBe(0);
  });

  it('puts back attributes a page had already set under our names', () => {
    const doc = shanghaiPage();
    const [a] = cellsOf(doc);
    a!.setAttribute('data-nianbao-finding', 'page-owned');
    const before = doc.documentElement.outerHTML;
    const handle = applyMarks(
      doc,
      [
        {
          element: a!,
          number: 1,
          ruleId: 'X',
          severity: 'info',
          role: 'primary',
          path: 'p',
          message: 'm',
        },
      ],
      summary,
    );
    expect(a!.getAttribute('data-nianbao-finding')).toBe('X');
    handle.remove();
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('never turns message text into markup', () => {
    const doc = shanghaiPage();
    const [a] = cellsOf(doc);
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const handle = applyMarks(
      doc,
      [
        {
          element: a!,
          number: 1,
          ruleId: 'X',
          severity: 'error',
          role: 'primary',
          path: 'p',
          message: hostile,
          fix: hostile,
        },
      ],
      { ...summary, note: hostile },
    );
    a!.dispatchEvent(
      new (doc.defaultView as unknown as typeof globalThis).MouseEvent('mouseover', {
        bubbles: true,
      }),
    );
    expect(doc.querySelectorAll('img[src="x"], script').length).toBe(0);
    handle.remove();
  });

  it('says so when no report was found', () => {
    const doc = shanghaiPage();
    const handle = applyMarks(doc, [], {
      ...summary,
      state: 'no-report',
      counts: { error: 0, warning: 0, info: 0 },
      reports: 0,
    });
    const bar = doc.querySelector('[data-nianbao-summary]')!;
    expect(bar.getAttribute('data-state')).toBe('no-report');
    expect(bar.getAttribute('data-reports')).toBe('0');
    handle.remove();
    expect(doc.querySelector('[data-nianbao-summary]')).toBeNull();
  });
});

describe('applyMarks on failure', () => {
  it('leaves no half-marked page behind when marking fails', () => {
    const doc = shanghaiPage();
    const before = doc.documentElement.outerHTML;
    const [a, b] = cellsOf(doc);
    // A cell whose element refuses attributes half-way (a hostile page can patch setAttribute).
    Object.defineProperty(b!, 'setAttribute', {
      value() {
        throw new Error('refused');
      },
    });
    const marks: CellMark[] = [
      {
        element: a!,
        number: 1,
        ruleId: 'X',
        severity: 'error',
        role: 'primary',
        path: 'p',
        message: 'm',
      },
      {
        element: b!,
        number: 2,
        ruleId: 'Y',
        severity: 'error',
        role: 'primary',
        path: 'q',
        message: 'm',
      },
    ];
    expect(() => applyMarks(doc, marks, summary)).toThrow('refused');
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('applyMarks: one outline per block, culprits first (issue 12)', () => {
  it('draws each culprit of `fixes` strongest and the touching involved cells as one outline', () => {
    const doc = shanghaiPage();
    const before = doc.documentElement.outerHTML;
    // the last four cells of the widest row: side by side in the table's grid
    const row = [...doc.querySelectorAll('tr')].sort(
      (x, y) => y.querySelectorAll('td').length - x.querySelectorAll('td').length,
    )[0]!;
    const [a, b, c, d] = [...row.querySelectorAll('td')].slice(-4);
    const base = {
      number: 1,
      ruleId: 'T3-ROW-TOTAL',
      severity: 'warning' as const,
      message: 'm',
    };
    const handle = applyMarks(
      doc,
      [
        { ...base, element: a!, role: 'primary', culprit: true, path: 'p.a' },
        { ...base, element: b!, role: 'involved', path: 'p.b' },
        { ...base, element: c!, role: 'involved', path: 'p.c' },
        { ...base, element: d!, role: 'involved', culprit: true, path: 'p.d' },
      ],
      summary,
    );
    expect(a!.hasAttribute('data-nianbao-culprit')).toBe(true);
    expect(d!.hasAttribute('data-nianbao-culprit')).toBe(true);
    expect(b!.hasAttribute('data-nianbao-culprit')).toBe(false);
    // b and c touch: one outline, open between them
    expect(b!.getAttribute('data-nianbao-outline')).toBe(c!.getAttribute('data-nianbao-outline'));
    expect(b!.getAttribute('data-nianbao-edge')).not.toContain('r');
    expect(c!.getAttribute('data-nianbao-edge')).not.toContain('l');
    expect(b!.getAttribute('data-nianbao-severity')).toBe('warning');
    expect(handle.outlines).toBe(3); // a, d (culprits) and b+c
    expect(doc.querySelector('[data-nianbao-summary]')!.getAttribute('data-marks')).toBe('3');
    handle.remove();
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('pluralises the English counts of the bar', () => {
    expect(countText('en', 'error', 1)).toBe('1 error');
    expect(countText('en', 'error', 2)).toBe('2 errors');
    expect(countText('en', 'warning', 0)).toBe('0 warnings');
    expect(countText('zh-CN', '错误', 2)).toBe('错误 2');
  });
});
