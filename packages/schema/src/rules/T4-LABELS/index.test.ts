import { describe, expect, it } from 'vitest';
import { check, type Provenance } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'T4-LABELS';
const only = { rules: [ID] };

describe(ID, () => {
  it('passes the official headers', () => {
    const provenance: Provenance = {
      cells: { 'appeals.review.upheld': { raw: '1', header: '结果维持' } },
    };
    expect(check(consistentReport('2021'), { ...only, provenance })).toEqual([]);
  });

  it('reports a renamed header', () => {
    const provenance: Provenance = {
      cells: { 'appeals.review.pending': { raw: '1', header: '未审结' } },
    };
    const findings = check(consistentReport('2021'), { ...only, provenance });
    expect(findings).toMatchObject([{ severity: 'warning', cells: ['appeals.review.pending'] }]);
    expect(findings[0]!.message).toContain('尚未审结');
  });

  it('is a format-conformance rule, so a warning stays a warning in 2019', () => {
    const report = consistentReport('2019');
    report.meta = { reportYear: 2019 };
    const provenance: Provenance = {
      cells: { 'appeals.review.total': { raw: '1', header: '合计' } },
    };
    const findings = check(report, { rules: [ID, 'FMT-2019-LENIENT'], provenance });
    expect(findings).toMatchObject([{ severity: 'warning' }]);
  });
});
