import { describe, expect, it } from 'vitest';
import { check, type Provenance } from '../../index.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'T3-LABELS';
const only = { rules: [ID] };

describe(ID, () => {
  it('accepts halfwidth brackets and punctuation (the seed)', () => {
    const provenance: Provenance = {
      cells: {
        'applications.results.partiallyGranted.total': {
          raw: '0',
          header: '总计',
          rowLabel: '(二)部分公开(区分处理的,只计这一情形,不计其他情形)',
        },
      },
    };
    expect(check(consistentReport('2019'), { ...only, provenance })).toEqual([]);
  });

  it('reports 其他组织 for 其他 and ， for 、 in the （六） sub-labels (spec §9.3)', () => {
    const provenance: Provenance = {
      cells: {
        'applications.newReceived.otherOrg': { raw: '0', header: '其他组织' },
        'applications.results.other.overdueCorrection.total': {
          raw: '0',
          rowLabel: '1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请',
        },
      },
    };
    const findings = check(consistentReport('2021'), { ...only, provenance });
    expect(findings.map((f) => f.params?.found)).toEqual([
      '其他组织',
      '1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请',
    ]);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
  });
});
