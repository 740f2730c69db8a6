import { describe, expect, it } from 'vitest';
import { check } from '../../index.ts';
import { officialSections, textReport } from '../../text/fixtures.ts';

const ID = 'S-SECTION-ORDER';
const only = { rules: [ID] };

describe(ID, () => {
  it('passes sections in order', () => {
    expect(check(textReport('2021'), only)).toEqual([]);
  });

  it('reports a section that comes after a later one', () => {
    const [s1, s2, s3, s4, s5, s6] = officialSections();
    const report = textReport('2021', { sections: [s1!, s2!, s4!, s3!, s5!, s6!] });
    const findings = check(report, only);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', cells: ['sections.3', 'sections.4'] });
  });

  it('leaves a repeated ordinal to S-HEADING-ORDINAL-UNIQUE', () => {
    const sections = officialSections();
    sections.splice(5, 0, { ordinal: '二', heading: '二、下步打算', text: '将进一步加强' });
    expect(check(textReport('2019', { sections }), only)).toEqual([]);
  });

  it('reports another heading before section 一', () => {
    const sections = [{ ordinal: '七', heading: '七、附件', text: '' }, ...officialSections()];
    const findings = check(textReport('2021', { sections }), only);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('七、附件');
  });

  it('accepts an unnumbered 概述 block before 一 as the preamble (S31)', () => {
    const sections = [{ ordinal: null, heading: '概述', text: '本报告……' }, ...officialSections()];
    const report = textReport('2019', { sections });
    expect(
      check(report, { rules: [ID, 'S-HEADING-ORDINAL-UNIQUE', 'S-SECTIONS-PRESENT'] }),
    ).toEqual([]);
  });
});
