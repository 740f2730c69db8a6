import { describe, expect, it } from 'vitest';
import { check, rules } from '../../index.ts';
import { officialSections, textReport } from '../../text/fixtures.ts';

const ID = 'S-SEC6-OTHER';
const only = { rules: [ID] };

describe(ID, () => {
  it('is an inferred rule kept at info', () => {
    const meta = rules.find((r) => r.meta.id === ID)!.meta;
    expect(meta).toMatchObject({ severity: 'info', inferred: true });
  });

  it('passes a section 六 that covers the three items', () => {
    const text =
      '未收取信息处理费。认真落实2023年政务公开工作要点；人大代表建议和政协提案办理结果全部公开；创新开展政策解读。';
    expect(check(textReport('2021', { sections: officialSections({ 6: text }) }), only)).toEqual(
      [],
    );
  });

  it('lists the items a section 六 leaves out, as info', () => {
    const findings = check(textReport('2021'), only);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'info', cells: ['sections.6'] });
    expect(findings[0]!.message).toContain('工作要点');
  });
});
