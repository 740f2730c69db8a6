import { describe, expect, it } from 'vitest';
import { parseChineseNumeral } from './chinese-numerals.ts';

describe('parseChineseNumeral', () => {
  it.each([
    ['〇', 0],
    ['零', 0],
    ['一', 1],
    ['十', 10],
    ['十五', 15],
    ['一十', 10],
    ['二十', 20],
    ['七十一', 71],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一百一十一', 111],
    ['两百', 200],
    ['两千三百', 2300],
    ['一千零五', 1005],
    ['一千零五十', 1050],
    ['一千零一十', 1010],
    ['九千九百九十九', 9999],
    ['一万', 10000],
    ['两万', 20000],
    ['十万', 100000],
    ['十二万', 120000],
    ['三万零五', 30005],
    ['一万零五百', 10500],
    ['一万一千零一', 11001],
    ['一百万', 1000000],
    ['二十一万零三百', 210300],
    [' 七十一 ', 71],
  ])('%s = %i', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each([
    '',
    'abc',
    '1,2,3',
    '71',
    '7十1', // mixed scripts
    '二〇二三', // digit by digit
    '一二',
    '两千三', // 2300 or 2003?
    '一百一', // 110 or 101?
    '一万五', // 15000 or 10005?
    '一万五百', // the gap needs 零
    '一千三十', // the gap needs 零
    '一百零五十', // 零 where nothing is skipped
    '一百零', // trailing 零
    '零五',
    '一百零零五',
    '两',
    '两十',
    '十十',
    '百',
    '千五',
    '一十十',
    '五百一千',
    '一万万',
    '万',
    '零万',
    '七十一件', // units are the caller's business
    '负五',
  ])('refuses %j', (text) => {
    expect(parseChineseNumeral(text)).toBeUndefined();
  });
});
