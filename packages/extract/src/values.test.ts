import { describe, expect, it } from 'vitest';
import { parseValue } from './values.ts';

describe('parseValue (spec §6.2, §9.2)', () => {
  it.each(['', ' ', '\u00a0', '-', '—', '－', '/', '／', '无', '——'])('%j is blank', (raw) => {
    expect(parseValue(raw)).toEqual({ kind: 'blank', raw });
  });

  it.each([
    ['0', 0],
    ['14674', 14674],
    ['-8', -8],
    ['+1036', 1036],
    ['251000元', 251000],
    ['75394432.52元', 75394432.52],
    ['2笔', 2],
    ['1,234', 1234],
    ['１，２３４', 1234],
    ['５９４９.０８８６６７', 5949.088667],
    ['1511.0000', 1511],
    [' 12 ', 12],
  ])('%j is %d', (raw, value) => {
    expect(parseValue(raw)).toEqual({ kind: 'number', value, raw });
  });

  it.each(['见附件', '1,23', '12a', '3件以上', '1.2.3', '２０２０年', 'NaN'])(
    '%j is not guessed',
    (raw) => {
      expect(parseValue(raw).kind).toBe('invalid');
    },
  );
});
