import { describe, expect, it } from 'vitest';
import { check, rules } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'FMT-2019-LENIENT';

function withoutTable4(reportYear: number) {
  const report = consistentReport('2019');
  report.meta = { reportYear };
  delete report.appeals;
  return report;
}

describe(ID, () => {
  it('declares a policy by tag, not by rule id', () => {
    const meta = rules.find((r) => r.meta.id === ID)!.meta;
    expect(meta.adjusts).toEqual({ tags: ['format-conformance'], severity: 'warning' });
    for (const id of ['FMT-VERSION', 'FMT-NON-UNIFIED', 'T4-SHAPE', 'T3-A-SHAPE', 'T2-LABELS']) {
      expect(rules.find((r) => r.meta.id === id)!.meta.tags).toContain('format-conformance');
    }
  });

  it('lowers format-conformance errors of a 2019 report to warnings', () => {
    const findings = check(withoutTable4(2019), { rules: ['T4-SHAPE', ID] });
    expect(findings).toMatchObject([{ ruleId: 'T4-SHAPE', severity: 'warning' }]);
  });

  it('leaves a 2020 report alone', () => {
    const findings = check(withoutTable4(2020), { rules: ['T4-SHAPE', ID] });
    expect(findings).toMatchObject([{ ruleId: 'T4-SHAPE', severity: 'error' }]);
  });

  it('does not touch rules outside the tag (arithmetic stays an error in 2019)', () => {
    const report = consistentReport('2019');
    report.meta = { reportYear: 2019 };
    report.applications!.carriedForward!.total = 999;
    const findings = check(report, { rules: ['T3-COL-BALANCE', ID] });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it('emits no finding of its own', () => {
    const report = consistentReport('2019');
    report.meta = { reportYear: 2019 };
    expect(check(report, { rules: [ID] })).toEqual([]);
  });
});

describe('policies by tag, never by id', () => {
  it('no rule names another rule in its code (comments aside)', async () => {
    const { readFileSync } = await import('node:fs');
    const ids = rules.map((r) => r.meta.id);
    for (const id of ids) {
      const code = readFileSync(new URL(`../${id}/index.ts`, import.meta.url), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      const named = ids.filter((other) => other !== id && code.includes(`'${other}'`));
      expect(named, `${id} names ${named.join(', ')}`).toEqual([]);
    }
  });
});
