// Quiet on clean pages (issue 12): a block of flagged cells is one outline, the
// culprit of a pinpointed finding is marked strongest, involved cells take the
// finding's severity colour, and findings are numbered by severity, then page order.
import { readFileSync } from 'node:fs';
import { extractAllFromDocument } from '@nianbao/extract';
import { describe, expect, it } from 'vitest';
import { corpusPath } from '../../../../tests/corpus.ts';
import type { PageState } from '../shared/types.ts';
import { parsePage } from '../test-dom.ts';
import { PageController } from './controller.ts';

const html = readFileSync(corpusPath('pages/pt-syq-2023.html'), 'utf8');
const url = /<meta name="Url" content="([^"]+)"/.exec(html)![1]!;

/** pt-syq-2023 (clean: every number adds up) with some cells rewritten, located by the extractor. */
function pingtan(edit: Record<string, string> | ((path: string) => string | undefined)): Document {
  const doc = parsePage(html, url);
  const [result] = extractAllFromDocument(doc, { url, keepElements: true });
  for (const [path, cell] of Object.entries(result!.provenance.cells)) {
    const text = typeof edit === 'function' ? edit(path) : edit[path];
    const element = cell.location?.element as Element | undefined;
    if (text !== undefined && element) element.textContent = text;
  }
  return doc;
}

function run(doc: Document): PageState {
  return new PageController(doc, { publish() {} }).run('zh-CN');
}

const outlinesOn = (doc: Document) =>
  new Set(
    [...doc.querySelectorAll('[data-nianbao-outline], [data-nianbao-culprit]')].flatMap((el) =>
      [el.getAttribute('data-nianbao-outline'), el.getAttribute('data-nianbao-culprit')].filter(
        (v): v is string => v !== null,
      ),
    ),
  );

describe('a clean page with a blank column', () => {
  it('draws the blank column of table 三 as one outline, and at most 10 marks in all', () => {
    const doc = pingtan((path) =>
      /^applications\..*\.publicInterest$/.test(path) ? '' : undefined,
    );
    const state = run(doc);
    expect(state.state).toBe('done');
    expect(state.counts.error).toBe(0);
    const blank = state.reports[0]!.findings.filter((f) => f.ruleId === 'CELL-BLANK');
    expect(blank).toHaveLength(1);
    expect(blank[0]!.cells.length).toBeGreaterThanOrEqual(20);

    const column = [...doc.querySelectorAll('[data-nianbao-finding~="CELL-BLANK"]')];
    expect(column).toHaveLength(blank[0]!.cells.length);
    const ids = new Set(column.map((el) => el.getAttribute('data-nianbao-outline')));
    expect(ids.size).toBe(1);
    // one box: the sides inside the column are not drawn
    const inner = column.filter((el) => {
      const edges = el.getAttribute('data-nianbao-edge')!.split(' ');
      return !edges.includes('t') && !edges.includes('b');
    });
    expect(inner.length).toBe(column.length - 2);
    expect(column.every((el) => el.getAttribute('data-nianbao-severity') === 'warning')).toBe(true);

    const drawn = outlinesOn(doc);
    expect(drawn.size).toBeLessThanOrEqual(10);
    const summary = doc.querySelector('[data-nianbao-summary]')!;
    expect(Number(summary.getAttribute('data-marks'))).toBe(drawn.size);
    // one badge for the column, on its first cell
    expect(column.filter((el) => el.hasAttribute('data-nianbao-badge'))).toHaveLength(1);
  });
});

describe('a pinpointed typo', () => {
  it("marks the culprit cell strongest, and the totals it breaks as involved, in the finding's colour", () => {
    const doc = pingtan({ 'applications.results.granted.naturalPerson': '23' });
    const state = run(doc);
    const pinned = state.reports[0]!.findings.filter(
      (f) => f.fix?.cell === 'applications.results.granted.naturalPerson',
    );
    expect(pinned.length).toBeGreaterThan(0);
    const culprits = [...doc.querySelectorAll('[data-nianbao-culprit]')];
    expect(culprits.map((el) => el.getAttribute('data-nianbao-cell'))).toEqual([
      'applications.results.granted.naturalPerson',
    ]);
    expect(culprits[0]!.getAttribute('data-nianbao-mark')).toBe('primary');
    const involved = [...doc.querySelectorAll('[data-nianbao-mark="involved"]')].filter((el) =>
      el.getAttribute('data-nianbao-finding')!.split(' ').includes(pinned[0]!.ruleId),
    );
    expect(involved.length).toBeGreaterThan(0);
    for (const el of involved) {
      expect(el.getAttribute('data-nianbao-severity')).toBe(pinned[0]!.severity);
      expect(el.hasAttribute('data-nianbao-culprit')).toBe(false);
      expect(el.hasAttribute('data-nianbao-outline')).toBe(true);
    }
  });
});

describe('numbering', () => {
  it('numbers the report findings by severity, then page order; reading notes last', () => {
    const doc = pingtan({
      'applications.results.granted.naturalPerson': '23',
      'activeDisclosure.fees.amount': '',
    });
    const state = run(doc);
    const findings = state.reports[0]!.findings;
    expect(findings.map((f) => f.number)).toEqual(findings.map((_, i) => i + 1));
    const rank = { error: 0, warning: 1, info: 2 };
    const key = (f: (typeof findings)[number]) => [
      f.origin === 'extraction' ? 1 : 0,
      rank[f.severity],
      f.position ?? Number.MAX_SAFE_INTEGER,
    ];
    for (let i = 1; i < findings.length; i++) {
      const [a, b] = [key(findings[i - 1]!), key(findings[i]!)];
      const cmp = a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
      expect(cmp, `${findings[i - 1]!.ruleId} before ${findings[i]!.ruleId}`).toBeLessThanOrEqual(
        0,
      );
    }
  });
});
