import { describe, expect, it } from 'vitest';
import { formatCellValue, parseCellText } from './numbers.ts';

describe('parseCellText', () => {
  it.each([
    ['12', 12],
    [' 7 ', 7],
    ['１２３', 123],
    ['-8', -8],
    ['+1036', 1036],
    ['1511.0000', 1511],
    ['251000元', 251000],
    ['12.5万元', 12.5],
    ['1,234,567', 1234567],
    ['1.', 1],
  ])('reads %j as %j', (text, value) => {
    expect(parseCellText(text)).toEqual({ ok: true, value });
  });

  it.each(['', '-', '—', '/', '无', '  '])('reads the blank marker %j as a blank cell', (text) => {
    expect(parseCellText(text)).toEqual({ ok: true, value: null });
  });

  it.each(['abc', '12a', '1,23', '1.2.3', '自然人', 'NaN', 'Infinity'])('refuses %j', (text) => {
    expect(parseCellText(text)).toEqual({ ok: false });
  });

  it('shows blank as empty and numbers as typed', () => {
    expect(formatCellValue(null)).toBe('');
    expect(formatCellValue(undefined)).toBe('');
    expect(formatCellValue(0)).toBe('0');
    expect(formatCellValue(-3)).toBe('-3');
  });
});
