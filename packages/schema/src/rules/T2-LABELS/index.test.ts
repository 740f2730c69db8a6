import { describe, expect, it } from 'vitest';
import { check, type Provenance } from '../../index.ts';
import { labelMatches } from '../../tables/labels.ts';
import { consistentReport } from '../../testing.ts';

const ID = 'T2-LABELS';
const only = { rules: [ID] };

describe(ID, () => {
  it('matches labels after normalisation and accepts local notes in brackets', () => {
    expect(labelMatches('第二十条第(九)项', '第二十条第（九）项')).toBe(true);
    expect(labelMatches('采购总金额(单位:万元,保留4位小数)', '采购总金额')).toBe(true);
    expect(
      labelMatches('本年收费金额（单位：万元，保留4位小数）', '本年收费金额（单位：万元）'),
    ).toBe(true);
    expect(labelMatches('规章（设区的市、自治州人民政府应提供相关数据）', '规章')).toBe(true);
    expect(labelMatches('本年新\n制作数量', '本年新制作数量')).toBe(true);
  });

  it('never drops an official bracketed part', () => {
    expect(labelMatches('本年收费金额', '本年收费金额（单位：万元）')).toBe(false);
    expect(labelMatches('本年收费金额（单位：元）', '本年收费金额（单位：万元）')).toBe(false);
  });

  it('reports a differently worded row label of table 二, once per wording', () => {
    const provenance: Provenance = {
      cells: {
        'activeDisclosure.normativeDocuments.issued': { raw: '1', rowLabel: '规范性文件' },
        'activeDisclosure.normativeDocuments.repealed': { raw: '0', rowLabel: '规范性文件' },
        'activeDisclosure.regulations.issued': {
          raw: '0',
          rowLabel: '规章',
          header: '本年制发件数',
        },
      },
      labels: [
        {
          kind: 'caption',
          path: 'item1',
          raw: '第二十条第(一)项',
          canonical: '第二十条第（一）项',
        },
      ],
    };
    const findings = check(consistentReport('2021'), { ...only, provenance });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      cells: ['activeDisclosure.normativeDocuments'],
    });
    expect(findings[0]!.message).toContain('行政规范性文件');
  });

  it('does not run without provenance', () => {
    expect(check(consistentReport('2021'), only)).toEqual([]);
  });
});
