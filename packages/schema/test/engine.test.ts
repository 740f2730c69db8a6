// The engine: pinpointing, messages, severities, ordering, fingerprints and
// resilience. Rules here are small fakes so that the engine's behaviour is
// tested apart from the catalogue; the real rules are used where it matters.
import { describe, expect, it } from 'vitest';
import { runRules } from '../src/core/engine.ts';
import type { Rule } from '../src/core/types.ts';
import { blankReport, check, checkDetailed, getCell, setCell } from '../src/index.ts';
import { consistentReport } from '../src/testing.ts';

const GRANTED = 'applications.results.granted';

function fakeRule(id: string, check: Rule['check'], extra: Partial<Rule['meta']> = {}): Rule {
  return {
    meta: {
      id,
      severity: 'error',
      formats: ['2019', '2021'],
      tags: ['test'],
      docs: { zh: '测试', en: 'test' },
      basis: 'test',
      messages: {
        default: { zh: '{cell}：{expected}≠{actual}', en: '{cell}: {expected}≠{actual}' },
      },
      ...extra,
    },
    check,
  };
}

describe('pinpointing', () => {
  it('names one cell with a fix when a row total and a column equation meet in it', () => {
    const base = consistentReport('2019', 2);
    const cell = `${GRANTED}.commercial`;
    const original = getCell(base, cell)!;
    const findings = check(setCell(base, cell, original + 5)).filter((f) =>
      f.ruleId.startsWith('T3-'),
    );
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f!.fix).toEqual({ cell, value: original });
    expect(f!.cells[0]).toBe(cell);
    expect(f!.cells).toContain(`${GRANTED}.total`);
    expect(f!.cells).toContain('applications.results.total.commercial');
    expect(f!).toMatchObject({ expected: original, actual: original + 5 });
    // Names the cell by its labels and gives both values.
    expect(f!.message).toBe(
      `表三「三、本年度办理结果 （一）予以公开」行「商业企业」列填报为${original + 5}，使2处勾稽关系（T3-RESULTS-SUM、T3-ROW-TOTAL）不成立；改为${original}可使其全部成立`,
    );
  });

  it('takes the most severe of the rules it merges (T3-COL-BALANCE is an error)', () => {
    const base = consistentReport('2021', 4);
    const cell = 'applications.results.total.research';
    const [f] = check(setCell(base, cell, getCell(base, cell)! + 1)).filter((x) => x.fix);
    expect(f!.severity).toBe('error');
    expect(f!.params?.count).toBe(3);
  });

  it('gives each of two independent errors its own fix', () => {
    const base = consistentReport('2019', 5);
    const a = `${GRANTED}.naturalPerson`;
    const b = 'applications.results.notProcessed.duplicate.legalService';
    const report = setCell(setCell(base, a, getCell(base, a)! + 3), b, getCell(base, b)! + 9);
    const fixes = check(report)
      .filter((f) => f.fix)
      .map((f) => f.fix);
    expect(fixes).toEqual(
      expect.arrayContaining([
        { cell: a, value: getCell(base, a) },
        { cell: b, value: getCell(base, b) },
      ]),
    );
    expect(fixes).toHaveLength(2);
  });

  it('names the pair when two errors sit in one row (no single cell explains the row)', () => {
    const base = consistentReport('2019', 5);
    const a = `${GRANTED}.naturalPerson`;
    const b = `${GRANTED}.research`;
    const report = setCell(setCell(base, a, getCell(base, a)! + 3), b, getCell(base, b)! + 4);
    const findings = check(report).filter((f) => f.ruleId.startsWith('T3-'));
    expect(findings.filter((f) => f.fix)).toEqual([]);
    // One cause, one finding: the only pair that explains the three failing equations.
    expect(findings).toHaveLength(1);
    expect(findings[0]!.fixes).toHaveLength(2);
    expect(findings[0]!.fixes).toContainEqual({ cell: a, value: getCell(base, a) });
    expect(findings[0]!.fixes).toContainEqual({ cell: b, value: getCell(base, b) });
  });

  it('gives no fix when two pairs explain alike (equal errors in two rows and two columns)', () => {
    const base = consistentReport('2019', 5);
    const a = `${GRANTED}.naturalPerson`;
    const b = 'applications.results.partiallyGranted.research';
    const report = setCell(setCell(base, a, getCell(base, a)! + 3), b, getCell(base, b)! + 3);
    const findings = check(report).filter((f) => f.ruleId.startsWith('T3-'));
    expect(findings.filter((f) => f.fix || f.fixes)).toEqual([]);
    for (const f of findings) {
      expect(f.expected).toBeTypeOf('number');
      expect(f.expected).not.toBe(f.actual);
    }
  });

  it('never proposes a negative count', () => {
    // A + B = T1 and A + C = T2, where B, C, T1 and T2 are each pinned by a passing
    // equation: only A can explain both. With B = C = 5 and T1 = T2 = 7, A is 2;
    // with T1 = T2 = 3, A would have to be -2, so no fix is offered.
    const [A, B, C, T1, T2] = ['upheld', 'corrected', 'other', 'pending', 'total'].map(
      (k) => `appeals.review.${k}`,
    ) as [string, string, string, string, string];
    const pins = ['upheld', 'corrected', 'other', 'pending'].map(
      (k) => `appeals.litigationDirect.${k}`,
    );
    const rule = fakeRule('T4-FAKE', (ctx) => {
      ctx.equation({ sum: [A, B], equals: [T1] });
      ctx.equation({ sum: [A, C], equals: [T2] });
      [B, C, T1, T2].forEach((p, i) => {
        ctx.equation({ sum: [p], equals: [pins[i]!] });
      });
    });
    const build = (t: number) => {
      let report = consistentReport('2019');
      const values: [string, number][] = [
        [A, 0],
        [B, 5],
        [C, 5],
        [T1, t],
        [T2, t],
      ];
      values.forEach(([p, v], i) => {
        report = setCell(report, p, v);
        if (i > 0) report = setCell(report, pins[i - 1]!, v);
      });
      return report;
    };
    const fixes = (t: number) => runRules([rule], build(t)).findings.map((f) => f.fix);
    expect(fixes(7)).toEqual([{ cell: A, value: 2 }]);
    expect(fixes(3)).toEqual([undefined, undefined]);
  });

  it('does not blame a filled cell while a cell of its equations is still blank (the form)', () => {
    // Half-filled: only 一、本年新收 of 自然人 typed so far.
    const report = setCell(blankReport('2021'), 'applications.newReceived.naturalPerson', 5);
    const findings = check(report).filter((f) => f.ruleId.startsWith('T3-'));
    expect(findings.filter((f) => f.fix)).toEqual([]);
    // The blank 总计 is named once by T3-TOTAL-BLANK (not again as a failing row total).
    expect(findings.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['T3-COL-BALANCE', 'T3-TOTAL-BLANK']),
    );
  });

  it('proposes filling a blank cell when it is the only unknown of its equations', () => {
    const base = consistentReport('2019', 2);
    const cell = `${GRANTED}.total`;
    const findings = check(setCell(base, cell, null)).filter((f) => f.fix);
    expect(findings.map((f) => f.fix)).toEqual([{ cell, value: getCell(base, cell) }]);
    expect(findings[0]!.actual).toBe(0);
  });

  it('never singles out a cell of table 四 (one equation per group)', () => {
    const base = consistentReport('2021', 2);
    const report = setCell(base, 'appeals.litigationDirect.pending', 9);
    const findings = check(report).filter((f) => f.ruleId.startsWith('T4-'));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.fix).toBeUndefined();
    expect(findings[0]!.cells).toHaveLength(5);
  });

  it('skips equations over absent rows (the SHAPE rules report those)', () => {
    const report = consistentReport('2019');
    delete report.applications!.carriedForward;
    const r = runRules(
      [
        fakeRule('T3-FAKE', (ctx) =>
          ctx.equation({
            sum: ['applications.newReceived.total'],
            equals: ['applications.carriedForward.total'],
          }),
        ),
      ],
      report,
    );
    expect(r.findings).toEqual([]);
  });
});

describe('findings', () => {
  it('are sorted by severity, then catalogue order', () => {
    const rules = [
      fakeRule('T2-INFO', (ctx) => ctx.flag({ cells: [] }), { severity: 'info' }),
      fakeRule('T3-WARN', (ctx) => ctx.flag({ cells: [] }), { severity: 'warning' }),
      fakeRule('T4-ERR', (ctx) => ctx.flag({ cells: [] })),
      fakeRule('T4-ERR2', (ctx) => ctx.flag({ cells: [] })),
    ];
    const ids = runRules(rules, consistentReport('2019')).findings.map((f) => f.ruleId);
    expect(ids).toEqual(['T4-ERR', 'T4-ERR2', 'T3-WARN', 'T2-INFO']);
  });

  it('have fingerprints that are stable across runs and locales, and differ by cell', () => {
    const report = setCell(consistentReport('2019'), 'appeals.review.total', 99);
    const zh = check(report).find((f) => f.ruleId === 'T4-REV-TOTAL')!;
    const en = check(report, { locale: 'en' }).find((f) => f.ruleId === 'T4-REV-TOTAL')!;
    expect(zh.fingerprint).toBe(en.fingerprint);
    expect(zh.message).not.toBe(en.message);
    const other = check(setCell(consistentReport('2019'), 'appeals.litigationDirect.total', 99));
    expect(other.find((f) => f.ruleId === 'T4-LITD-TOTAL')!.fingerprint).not.toBe(zh.fingerprint);
  });

  it('only run the rules asked for', () => {
    const report = setCell(consistentReport('2019'), 'appeals.review.total', 99);
    expect(check(report, { rules: ['T4-REV-TOTAL'] }).map((f) => f.ruleId)).toEqual([
      'T4-REV-TOTAL',
    ]);
  });
});

describe('resilience and policies', () => {
  it('turns a crashing rule into an info note and keeps the others', () => {
    const rules = [
      fakeRule('T3-BROKEN', () => {
        throw new Error('boom');
      }),
      fakeRule('T4-OK', (ctx) => ctx.flag({ cells: ['appeals.review.total'] })),
    ];
    const { findings } = runRules(rules, consistentReport('2019'), { locale: 'en' });
    expect(findings.map((f) => [f.ruleId, f.severity, f.origin])).toEqual([
      ['T4-OK', 'error', 'report'],
      ['T3-BROKEN', 'info', 'extraction'],
    ]);
    expect(findings[1]!.message).toBe('Rule T3-BROKEN could not run: boom');
  });

  it('applies severity policies by tag, only relaxing', () => {
    const lenient = fakeRule('FMT-LENIENT', () => {}, {
      adjusts: { tags: ['shape'], severity: 'warning' },
    });
    const shape = fakeRule('T2-SHAPE', (ctx) => ctx.flag({ cells: [] }), { tags: ['shape'] });
    const info = fakeRule('T2-NOTE', (ctx) => ctx.flag({ cells: [] }), {
      tags: ['shape'],
      severity: 'info',
    });
    const other = fakeRule('T3-OTHER', (ctx) => ctx.flag({ cells: [] }));
    const { findings } = runRules([lenient, shape, info, other], consistentReport('2019'));
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['T3-OTHER', 'error'],
      ['T2-SHAPE', 'warning'],
      ['T2-NOTE', 'info'],
    ]);
  });

  it('respects rule formats', () => {
    const only2021 = fakeRule('T2-B-ONLY', (ctx) => ctx.flag({ cells: [] }), { formats: ['2021'] });
    expect(runRules([only2021], consistentReport('2019')).findings).toEqual([]);
    expect(runRules([only2021], consistentReport('2021')).findings).toHaveLength(1);
  });

  it('lets options override the agency kind and publication date', () => {
    let seen: unknown[] = [];
    const probe = fakeRule('S-PROBE', (ctx) => {
      seen = [ctx.agencyKind, ctx.publishedAt, ctx.raw('appeals.review.total')?.raw];
    });
    const report = consistentReport('2019');
    report.meta = { ...report.meta, agencyKind: 'dept', publishedAt: '2021-01-20' };
    runRules([probe], report, {
      agencyKind: 'gov',
      publishedAt: '2021-03-01',
      provenance: { cells: { 'appeals.review.total': { raw: '７' } } },
    });
    expect(seen).toEqual(['gov', '2021-03-01', '７']);
  });

  it('reports passing equations as passes in checkDetailed', () => {
    const { findings, passes } = checkDetailed(consistentReport('2021'), {
      rules: ['T4-REV-TOTAL', 'T3-COL-BALANCE'],
    });
    expect(findings).toEqual([]);
    expect(passes).toHaveLength(8);
    expect(passes[0]!.message).toMatch(/相符/);
  });
});

describe('a pair of cells where no single cell explains', () => {
  it('names both cells with both fixes in one finding (a stray 1 the 总计 column did not count)', () => {
    const base = consistentReport('2021', 2);
    const stray = 'applications.results.granted.commercial';
    const columnTotal = 'applications.results.total.commercial';
    // The stray 1 is counted down its column (结果小计) but not across in the 总计 column.
    const report = setCell(
      setCell(base, stray, getCell(base, stray)! + 1),
      columnTotal,
      getCell(base, columnTotal)! + 1,
    );
    const t3 = check(report).filter((f) => f.ruleId.startsWith('T3-'));
    expect(t3).toHaveLength(1);
    expect(t3[0]!.fix).toBeUndefined();
    expect(t3[0]!.fixes).toHaveLength(2);
    expect(t3[0]!.fixes).toContainEqual({ cell: stray, value: getCell(base, stray) });
    expect(t3[0]!.fixes).toContainEqual({ cell: columnTotal, value: getCell(base, columnTotal) });
    expect(new Set(t3[0]!.cells.slice(0, 2))).toEqual(new Set([stray, columnTotal]));
    expect(t3[0]!.message).toContain('两处一起改为');
  });
});
