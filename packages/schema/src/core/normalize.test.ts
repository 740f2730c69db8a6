import { describe, expect, it } from 'vitest';
import { FORMATS } from '../templates/index.ts';
import { normalizeLabel, toSimplified } from './normalize.ts';

describe('normalizeLabel (spec §9.3)', () => {
  it('treats fullwidth and halfwidth brackets and punctuation alike', () => {
    expect(normalizeLabel('第二十条第（一）项')).toBe(normalizeLabel('第二十条第(一)项'));
    expect(normalizeLabel('采购总金额（单位：万元，保留4位小数）')).toBe(
      normalizeLabel('采购总金额(单位:万元,保留4位小数)'),
    );
  });

  it('removes whitespace and line breaks inside labels', () => {
    expect(normalizeLabel('商业\n企业')).toBe('商业企业');
    expect(normalizeLabel('(三) 不予公开')).toBe(normalizeLabel('（三）不予公开'));
    expect(normalizeLabel('本年新\u3000制作数量')).toBe('本年新制作数量');
  });

  it('treats ordinal variants as one ordinal', () => {
    for (const variant of ['1、属于国家秘密', '1．属于国家秘密', '1.属于国家秘密']) {
      expect(normalizeLabel(variant)).toBe(normalizeLabel('1.属于国家秘密'));
    }
    expect(normalizeLabel('（一）、予以公开')).toBe(normalizeLabel('（一）予以公开'));
  });

  it('converts Traditional label characters to Simplified', () => {
    expect(normalizeLabel('一、本年新收政府信息公開申請數量')).toBe(
      normalizeLabel('一、本年新收政府信息公开申请数量'),
    );
    expect(normalizeLabel('（三）不予公開')).toBe(normalizeLabel('（三）不予公开'));
    expect(normalizeLabel('行政復議')).toBe('行政复议');
    expect(toSimplified('結果維持 尚未審結 總計')).toBe('结果维持 尚未审结 总计');
  });

  it('maps the Traditional rendering of every official label back to the label', async () => {
    // The table is generated from opencc-js; check it against opencc-js itself.
    const OpenCC = await import('opencc-js');
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    for (const format of Object.values(FORMATS)) {
      for (const row of format.applications.rows) {
        expect(normalizeLabel(toTraditional(row.label.zh))).toBe(normalizeLabel(row.label.zh));
      }
      for (const st of format.activeDisclosure.subTables) {
        for (const c of st.columns) {
          expect(normalizeLabel(toTraditional(c.label.zh))).toBe(normalizeLabel(c.label.zh));
        }
      }
    }
  });

  it('keeps characters that are not in the label table', () => {
    expect(toSimplified('abc 123 平潭')).toBe('abc 123 平潭');
  });
});
