import { describe, expect, it } from 'vitest';
import { check } from '../../index.ts';
import { officialSections, textReport } from '../../text/fixtures.ts';

const ID = 'S-HEADING-ORDINAL-UNIQUE';
const only = { rules: [ID] };

describe(ID, () => {
  it('passes unique ordinals', () => {
    expect(check(textReport('2019'), only)).toEqual([]);
  });

  it('reports a second 二、 inside section 五 (the seed) on section 五', () => {
    const sections = officialSections();
    sections.splice(5, 0, { ordinal: '二', heading: '二、下步打算', text: '将进一步加强' });
    const findings = check(textReport('2019', { sections }), only);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: ID,
      severity: 'error',
      cells: ['sections.5', 'sections.2'],
    });
    expect(findings[0]!.message).toContain('二、下步打算');
  });

  it('reports an ordinal beyond 六', () => {
    const sections = [...officialSections(), { ordinal: '七', heading: '七、附件', text: '' }];
    const findings = check(textReport('2021', { sections }), only);
    expect(findings.map((f) => f.cells)).toEqual([['sections.6']]);
  });

  it('gives a stable fingerprint that does not depend on the position', () => {
    const a = officialSections();
    a.splice(5, 0, { ordinal: '二', heading: '二、下步打算', text: '' });
    const b = [{ ordinal: null, heading: '前言', text: '' }, ...a];
    const fa = check(textReport('2019', { sections: a }), only)[0]!.fingerprint;
    const fb = check(textReport('2019', { sections: b }), only)[0]!.fingerprint;
    expect(fa).toBe(fb);
  });
});
