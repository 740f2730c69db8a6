import { describe, expect, it } from 'vitest';
import { check } from '../../index.ts';
import { officialSections, textReport } from '../../text/fixtures.ts';

const ID = 'S-GOV-ACCOUNTABILITY';
const only = { rules: [ID] };
const gov = { agencyKind: 'gov' as const };

describe(ID, () => {
  it('does not apply to a department', () => {
    expect(check(textReport('2021'), only)).toEqual([]);
  });

  it('passes a government report covering assessment, evaluation and accountability', () => {
    const sections = officialSections({
      5: '存在问题：考核机制不够完善。下一步将开展社会评议，未发生责任追究情况。',
    });
    expect(check(textReport('2021', { sections, meta: gov }), only)).toEqual([]);
  });

  it('lists what a government report leaves out', () => {
    const findings = check(textReport('2021', { meta: gov }), only);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('社会评议');
    expect(findings[0]!.message).toContain('责任追究');
    expect(findings[0]!.message).not.toContain('工作考核、');
  });

  it('follows options.agencyKind over the report', () => {
    expect(check(textReport('2021'), { ...only, agencyKind: 'gov' })).toHaveLength(1);
  });
});
