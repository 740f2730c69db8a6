import { describe, expect, it } from 'vitest';
import { check } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'T3-KOUJI-HEADER';
const only = { rules: [ID] };
const withHeader = (applications?: string) => ({
  ...only,
  provenance: { cells: {}, tableHeaders: applications === undefined ? {} : { applications } },
});

describe(ID, () => {
  it('passes the statement, in either width', () => {
    const report = consistentReport('2021');
    expect(
      check(
        report,
        withHeader('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'),
      ),
    ).toEqual([]);
    expect(
      check(report, withHeader('(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)')),
    ).toEqual([]);
  });

  it('gives an info when the statement is missing', () => {
    expect(check(consistentReport('2019'), withHeader())).toMatchObject([
      { severity: 'info', cells: ['applications'] },
    ]);
  });

  it('gives an info when the statement is worded differently (钩稽)', () => {
    const [finding] = check(
      consistentReport('2021'),
      withHeader('本列数据的钩稽关系为：第一项加第二项之和，等于第三项加第四项之和'),
    );
    expect(finding).toMatchObject({ severity: 'info' });
  });

  it("does not judge without the extractor's header reading", () => {
    expect(check(consistentReport('2021'), only)).toEqual([]);
  });
});
