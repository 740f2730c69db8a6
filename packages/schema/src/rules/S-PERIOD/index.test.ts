import { describe, expect, it } from 'vitest';
import { check } from '../../index.ts';
import { textReport } from '../../text/fixtures.ts';

const ID = 'S-PERIOD';
const only = { rules: [ID] };
const withPreamble = (preamble: string) => textReport('2019', { preamble });

describe(ID, () => {
  it('passes a full calendar year, however it is written', () => {
    expect(
      check(withPreamble('本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。'), only),
    ).toEqual([]);
    expect(check(withPreamble('本报告所列数据统计期限从2020年1月1日至12月31日止。'), only)).toEqual(
      [],
    );
  });

  it('does nothing when no period is stated', () => {
    expect(check(withPreamble('本报告由某某局编制。'), only)).toEqual([]);
  });

  it('reports a period that ends early (S28: 12月21日)', () => {
    const findings = check(withPreamble('本报告所列数据统计期限为2020年1月1日至12月21日。'), only);
    expect(findings).toMatchObject([{ severity: 'warning', cells: ['preamble'] }]);
    expect(findings[0]!.message).toContain('2020年1月1日至2020年12月31日');
  });

  it('ignores dates in sentences that are not about the statistical period', () => {
    expect(check(withPreamble('2020年3月1日至5月1日开展专项检查。'), only)).toEqual([]);
  });
});
