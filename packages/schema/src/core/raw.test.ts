import { describe, expect, it } from 'vitest';
import { decimalsOf, declaredDecimals, declaredUnit, isBlankRaw, parseRawNumber } from './raw.ts';

describe('raw cell texts', () => {
  it('recognises the ways portals write an empty cell', () => {
    for (const raw of ['', '  ', '-', '—', '/', '无', '&nbsp;', '\u00a0', ' － ']) {
      expect(isBlankRaw(raw), JSON.stringify(raw)).toBe(true);
    }
    for (const raw of ['0', '-8', '无0', '1']) expect(isBlankRaw(raw), raw).toBe(false);
    expect(isBlankRaw(undefined)).toBe(false);
  });

  it('parses numbers and says what it normalised', () => {
    expect(parseRawNumber('1511')).toEqual({
      value: 1511,
      decimals: 0,
      thousands: false,
      fullwidth: false,
    });
    expect(parseRawNumber('1511.0000')).toMatchObject({ value: 1511, decimals: 4 });
    expect(parseRawNumber(' -8 ')).toMatchObject({ value: -8, decimals: 0 });
    expect(parseRawNumber('251000元')).toMatchObject({ value: 251000, unit: '元' });
    expect(parseRawNumber('3.5万元')).toMatchObject({ value: 3.5, decimals: 1, unit: '万元' });
    expect(parseRawNumber('14,674')).toMatchObject({ value: 14674, thousands: true });
    expect(parseRawNumber('14，674件')).toMatchObject({
      value: 14674,
      thousands: true,
      unit: '件',
    });
    expect(parseRawNumber('１５１１．００')).toMatchObject({
      value: 1511,
      decimals: 2,
      fullwidth: true,
    });
    expect(parseRawNumber('无')).toEqual({ decimals: 0, thousands: false, fullwidth: false });
  });

  it('reads the decimals a header demands', () => {
    expect(declaredDecimals('采购总金额(单位:万元,保留4位小数)')).toBe(4);
    expect(declaredDecimals('本年收费金额（单位：万元，保留两位小数）')).toBe(2);
    expect(declaredDecimals('金额（精确到小数点后2位）')).toBe(2);
    expect(declaredDecimals('采购总金额')).toBeUndefined();
    expect(declaredDecimals(undefined)).toBeUndefined();
  });

  it('reads the unit a header or cell declares', () => {
    expect(declaredUnit('本年收费金额（单位：万元）')).toBe('万元');
    expect(declaredUnit('采购总金额（元）')).toBe('元');
    expect(declaredUnit('采购总金额')).toBeUndefined();
  });

  it('counts the decimals of a number', () => {
    expect(decimalsOf(1511)).toBe(0);
    expect(decimalsOf(0.1511)).toBe(4);
    expect(decimalsOf(1e-7)).toBe(7);
    expect(decimalsOf(Number.NaN)).toBe(0);
  });
});
