// The seed report (嵩县公安局2020年政府信息公开工作年度报告, corpus/seed/)
// transcribed by hand into fixtures/seed-2020.report.json. check() must report
// each known defect of spec §10 that a report and its provenance can express,
// and nothing a careful reader of the seed would call false.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../tests/corpus.ts';
import { check, checkDetailed, type Provenance, ReportSchema } from '../src/index.ts';

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/seed-2020.report.json', import.meta.url), 'utf8'),
);
const report = ReportSchema.parse(fixture.report);
const provenance = fixture.provenance as Provenance;

describe('the seed report (嵩县公安局 2020)', () => {
  const findings = check(report, { provenance });
  const summary = findings.map((f) => [f.ruleId, f.severity, f.cells[0]]);

  it('gives exactly its known defects', () => {
    expect(summary).toEqual([
      // §10 item 2: a second top-level 二、(下步打算) inside section 五. The
      // finding points at section 五, where the stray heading sits.
      ['S-HEADING-ORDINAL-UNIQUE', 'error', 'sections.5'],
      // §10 item 4: the data line of table 四 holds 16 numbers for 15 columns,
      // so the table cannot be mapped without guessing and is absent from the
      // report; the stray number itself is the extractor's to report.
      ['T4-SHAPE', 'error', 'appeals'],
      // §10 item 3: the header says 保留4位小数 but the amount is written 1511: one
      // finding naming both readings (1511.0000 万元, or 1511 元 = 0.1511 万元).
      ['MONEY-HDR-DECIMALS', 'error', 'activeDisclosure.procurement.amount'],
      // §10 item 1: section 一's sub-headings jump from （四） to （六）.
      ['S-SUBHEADING-SEQUENCE', 'warning', 'sections.1'],
      // The copied page text carries no publication date, so DL-DEPT-JAN31
      // (deadline 2021-01-31 for a county department) cannot be decided.
      ['DL-DATE-MISSING', 'info', 'meta.publishedAt'],
    ]);
  });

  it("names the defects in the report's own words", () => {
    const by = (id: string) => findings.find((f) => f.ruleId === id)!;
    expect(by('S-HEADING-ORDINAL-UNIQUE').message).toContain('二、下步打算');
    expect(by('S-SUBHEADING-SEQUENCE').message).toContain('从“（四）”跳到“（六）”');
    expect(by('MONEY-HDR-DECIMALS').message).toContain('1511');
  });

  it('does not flag what the seed gets right', () => {
    const ids = new Set(findings.map((f) => f.ruleId));
    // Section 一 covers all five aspects, though （五） is missing from its
    // numbering: 主动公开 （二）, 依申请公开 （三）, 政府信息资源的规范化、标准化管理
    // and 平台建设 together under （四）, 监督保障 （六）. The jump is a numbering
    // error, not a missing aspect, so S-OVERALL-ASPECTS stays silent.
    expect(ids).not.toContain('S-OVERALL-ASPECTS');
    // Section 五 names problems, and its improvements sit under the stray 二、下步打算.
    expect(ids).not.toContain('S-SEC5-CONTENT');
    // The stray 二 is a duplicate, not a section out of order.
    expect(ids).not.toContain('S-SECTION-ORDER');
    // The halfwidth labels 第二十条第(九)项 and (二)部分公开(…) are the official ones.
    expect(ids).not.toContain('T2-LABELS');
    expect(ids).not.toContain('T3-LABELS');
    // A county 公安局 reports 0 规章; all of table 三 is 0 and balances.
    expect(ids).not.toContain('T2-REG-AUTHORITY');
    expect([...ids].filter((id) => id.startsWith('T3-'))).toEqual([]);
  });

  it('is the report of the seed file', () => {
    const seed = readCorpus('seed/000_42380e1adf95d416.txt');
    expect(seed).toContain(report.meta.title!);
    for (const section of report.sections) {
      expect(seed).toContain(section.heading);
      for (const line of section.text.split('\n')) expect(seed).toContain(line);
    }
    expect(seed).toContain(
      `政府集中采购\t51\t${provenance.cells['activeDisclosure.procurement.amount']!.raw}`,
    );
    expect(report.appeals).toBeUndefined();
  });

  it('has a deadline of 2021-01-31 once a date is known', () => {
    const late = check(report, { provenance, publishedAt: '2021-02-03', rules: ['DL-DEPT-JAN31'] });
    expect(late).toMatchObject([
      { severity: 'error', params: { deadline: '2021-01-31', days: 3 } },
    ]);
    const onTime = checkDetailed(report, { provenance, publishedAt: '2021-01-29' });
    expect(onTime.findings.map((f) => f.ruleId)).not.toContain('DL-DEPT-JAN31');
  });

  it('gives the same findings in English', () => {
    const en = check(report, { provenance, locale: 'en' });
    expect(en.map((f) => [f.ruleId, f.severity, f.cells[0]])).toEqual(summary);
    expect(
      en.every(
        (f) => !/[\u4e00-\u9fff]{6,}/.test(f.message.replace(/"[^"]*"|“[^”]*”|「[^」]*」/g, '')),
      ),
    ).toBe(true);
  });
});
