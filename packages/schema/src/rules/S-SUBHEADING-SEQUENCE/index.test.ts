import { describe, expect, it } from 'vitest';
import { check } from '../../index.ts';
import { officialSections, textReport } from '../../text/fixtures.ts';
import { sequenceIssues } from '../../text/ordinals.ts';

const ID = 'S-SUBHEADING-SEQUENCE';
const only = { rules: [ID] };

describe(ID, () => {
  it('passes continuous numbering, restarts included', () => {
    expect(check(textReport('2021'), only)).toEqual([]);
    const text = '（一）甲\n一是A。二是B。\n（二）乙\n一是C。1.x 2.y 二是D。1.z';
    expect(sequenceIssues(text)).toEqual([]);
  });

  it('reports the seed jump （四）→（六） on section 一', () => {
    const text = '（一）甲\n（二）乙\n（三）丙\n（四）丁\n（六）戊';
    const findings = check(textReport('2019', { sections: officialSections({ 1: text }) }), only);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', cells: ['sections.1'] });
    expect(findings[0]!.message).toContain('（四）');
    expect(findings[0]!.message).toContain('（六）');
    expect(findings[0]!.message).toContain('（五）');
  });

  it('reports gaps and repeats of 一是 and 1. lists', () => {
    expect(sequenceIssues('一是A。三是B。').map((i) => i.found)).toEqual(['三是']);
    expect(sequenceIssues('1.甲\n2.乙\n2.丙').map((i) => i.found)).toEqual(['2.']);
  });

  it('reports a （…） level that does not start at （一）', () => {
    expect(sequenceIssues('（二）甲\n（三）乙')).toMatchObject([
      { found: '（二）', expected: '（一）' },
    ]);
  });

  it('is not fooled by references, decimals, words or table rows', () => {
    const text = '依据第二十条第（一）项公开，统一是原则。金额2.5亿元。\n(一)予以公开\t0\t0';
    expect(sequenceIssues(text)).toEqual([]);
  });
});

describe(`${ID}: one slip is one finding`, () => {
  it('reports 一是、三是、三是 once, at the first 三是 (pt-syq-2023 section 五)', () => {
    expect(sequenceIssues('一是甲；三是乙；三是丙。')).toMatchObject([
      { found: '三是', expected: '二是' },
    ]);
  });

  it('still reports a missing item when the list goes on from the wrong number', () => {
    expect(sequenceIssues('1.甲 3.乙 4.丙').map((i) => i.found)).toEqual(['3.']);
  });
});
