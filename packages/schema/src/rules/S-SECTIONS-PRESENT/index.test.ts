import { describe, expect, it } from 'vitest';
import { check } from '../../index.ts';
import { officialSections, textReport } from '../../text/fixtures.ts';

const ID = 'S-SECTIONS-PRESENT';
const only = { rules: [ID] };

describe(ID, () => {
  it('passes the six official headings', () => {
    expect(check(textReport('2021'), only)).toEqual([]);
    expect(check(textReport('2019'), only)).toEqual([]);
  });

  it('reports a missing section as an error on its path', () => {
    const report = textReport('2021', { sections: officialSections().slice(0, 5) });
    const findings = check(report, only);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: ID, severity: 'error', cells: ['sections.6'] });
    expect(findings[0]!.message).toContain('六、其他需要报告的事项');
  });

  it('accepts variant wording and a missing ordinal, with a warning each', () => {
    const sections = officialSections();
    sections[0] = { ordinal: '一', heading: '一、本年度政府信息公开工作的总体情况', text: 'x' };
    sections[4] = { ordinal: null, heading: '存在的主要问题及改进情况', text: 'x' };
    const findings = check(textReport('2021', { sections }), only);
    expect(findings.map((f) => [f.severity, f.cells[0]])).toEqual([
      ['warning', 'sections.1'],
      ['warning', 'sections.5'],
    ]);
  });

  it('ignores width and punctuation differences and a heading without its ordinal prefix', () => {
    const sections = officialSections().map((s) => ({ ...s, heading: s.heading.slice(2) }));
    sections[3] = { ordinal: '四', heading: '四、政府信息公开行政复议,行政诉讼情况', text: '' };
    expect(check(textReport('2019', { sections }), only)).toEqual([]);
  });

  it('does not run on a report without any text (a form with tables only)', () => {
    expect(check(textReport('2021', { sections: [] }), only)).toEqual([]);
  });

  it('reports all six when only a preamble was found', () => {
    const report = textReport('2021', { sections: [], preamble: '一段没有标题的文字' });
    expect(check(report, only)).toHaveLength(6);
  });

  it('speaks English', () => {
    const report = textReport('2021', { sections: officialSections().slice(1) });
    expect(check(report, { ...only, locale: 'en' })[0]!.message).toMatch(/is missing/);
  });
});
