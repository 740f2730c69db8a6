import { describe, expect, it } from 'vitest';
import { check, checkDetailed, setCell } from '../../index.ts';
import { officialSections, textReport } from '../../text/fixtures.ts';
import { statementsIn } from './statements.ts';

const ID = 'XT-TEXT-TABLE';
const only = { rules: [ID] };

/** A 2021 report whose table 三 row 一 total is 713, 二 is 36, (七) 718, 四 31; table 四 61 / 3 / 10. */
function report(text: string) {
  let r = textReport('2021', { sections: officialSections({ 3: text }) });
  const set = (path: string, v: number) => {
    r = setCell(r, path, v);
  };
  for (const row of ['newReceived', 'carriedOver']) {
    for (const col of ['commercial', 'research', 'publicInterest', 'legalService', 'otherOrg']) {
      set(`applications.${row}.${col}`, 0);
    }
  }
  set('applications.newReceived.naturalPerson', 705);
  set('applications.newReceived.commercial', 3);
  set('applications.newReceived.legalService', 5);
  set('applications.newReceived.total', 713);
  set('applications.carriedOver.naturalPerson', 36);
  set('applications.carriedOver.total', 36);
  set('applications.results.total.total', 718);
  set('applications.results.granted.total', 294);
  set('applications.carriedForward.total', 31);
  set('appeals.review.total', 61);
  set('appeals.litigationDirect.total', 3);
  set('appeals.litigationAfterReview.total', 10);
  return r;
}

describe(ID, () => {
  it('finds the statements and what they are about', () => {
    const text =
      '全县全年共受理政府信息公开申请 749 件，其中自然人申请 741 件，法人或其他组织申请 8 件；共办理 718 件，结转下一年 31 件。';
    expect(statementsIn(text).map((s) => [s.topic, s.value])).toEqual([
      ['received', 749],
      ['naturalPerson', 741],
      ['organisations', 8],
      ['handled', 718],
      ['carriedForward', 31],
    ]);
  });

  it('ignores counts about other procedures and other units', () => {
    const text =
      '办理行政许可事项1396件，12345热线工单300件。发布信息4511条，开展培训3次。化解争议纠纷33件。';
    expect(statementsIn(text)).toEqual([]);
  });

  it('returns matched numbers as passes, and no finding', () => {
    const text =
      '全年共受理政府信息公开申请749件，其中自然人申请741件，法人或其他组织申请8件；共办理718件，结转下一年31件。予以公开294件。依法做好相关行政复议、行政诉讼案件的应诉工作，共办理相关案件74件。';
    const { findings, passes } = checkDetailed(report(text), only);
    expect(findings).toEqual([]);
    expect(passes.map((p) => p.params?.value)).toEqual([749, 741, 8, 718, 31, 294, 74]);
    expect(passes[0]!.cells).toEqual([
      'applications.newReceived.total',
      'applications.carriedOver.total',
    ]);
  });

  it('reports a contradicted number with the table value, the text value and the sentence', () => {
    const findings = check(report('本年度共收到政府信息公开申请750件。被申请行政复议60件。'), only);
    expect(findings).toHaveLength(2);
    // Neither number is "expected": the message names the text's and the table's.
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      params: { value: 750, table: 713 },
      cells: ['applications.newReceived.total', 'sections.3'],
    });
    expect(findings[0]!.expected).toBeUndefined();
    expect(findings[0]!.message).toContain('共收到政府信息公开申请750件');
    expect(findings[0]!.message).toMatch(/正文：750.*表格中.*713/);
    expect(findings[1]).toMatchObject({
      params: { value: 60, table: 61 },
      cells: ['appeals.review.total', 'sections.3'],
    });
  });

  it('says a number cannot be verified when the table is missing, and never skips it', () => {
    const r = report('共收到政府信息公开申请12件。');
    delete r.applications;
    const findings = check(r, only);
    expect(findings).toMatchObject([{ severity: 'info', params: { value: 12 } }]);
    expect(findings[0]!.message).toContain('无法核对');
  });

  it('says so when a count about applications cannot be tied to a cell', () => {
    const findings = check(report('涉及房屋征收的申请25件。'), only);
    expect(findings).toMatchObject([{ severity: 'info', params: { value: 25 } }]);
  });

  it('reads sections 一 and 四 too', () => {
    const r = report('');
    r.sections = officialSections({
      1: '全年共收到政府信息公开申请700件。',
      4: '本年度行政诉讼13件。',
    });
    const findings = check(r, only);
    expect(findings.map((f) => [f.params?.value, f.cells.at(-1)])).toEqual([[700, 'sections.1']]);
  });

  it('checks at most 200 statements per section and says so, quickly', () => {
    const text = '收到申请1件，'.repeat(5000);
    const started = performance.now();
    const findings = check(report(text), only);
    expect(performance.now() - started).toBeLessThan(5000); // was quadratic: 10 s for 10 000
    expect(findings.filter((f) => f.params?.count === 200)).toHaveLength(1);
    expect(findings.filter((f) => f.params?.value === 1)).toHaveLength(200);
  });

  it('reads statements in Traditional script', () => {
    const text =
      '全年共受理政府信息公開申請749件，其中自然人申請741件；共辦理718件，結轉下一年31件。行政複議61件。';
    const { findings, passes } = checkDetailed(report(text), only);
    expect(findings).toEqual([]);
    expect(passes.map((p) => p.params?.value)).toEqual([749, 741, 718, 31, 61]);
  });

  it('takes a count from its own clause: a carry-over after a partial disclosure is a carry-over', () => {
    const text =
      '对申请内容中含有不应公开的，区分可以公开和不予公开部分内容后,作出答复;结转上年度政府信息公开申请1件。';
    const r = report(text);
    r.applications!.carriedOver!.total = 1;
    const { findings, passes } = checkDetailed(r, only);
    expect(findings).toEqual([]);
    expect(passes.map((p) => [p.params?.value, p.cells])).toEqual([
      [1, ['applications.carriedOver.total']],
    ]);
  });

  it('is only a warning when the clause itself names the quantity', () => {
    // "对于不予公开的，共5件": the count's own clause names nothing; the topic comes from further back.
    const findings = check(report('对于不予公开的申请，共5件。'), only);
    expect(findings).toMatchObject([{ severity: 'info', params: { value: 5 } }]);
    expect(findings[0]!.message).toContain('请核对');
  });

  it('never quotes an empty sentence', () => {
    for (const text of ['5件申请予以公开。', '件5件。申请', '，，3件，申请', '申请：12件']) {
      for (const f of check(report(text), only)) expect(f.message).not.toContain('“”');
    }
  });
});
