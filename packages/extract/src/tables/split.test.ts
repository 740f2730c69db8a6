import { describe, expect, it } from 'vitest';
import { digitSplits, rowTotalHolds } from './split.ts';

describe('digitSplits (lost separators)', () => {
  it('lists every reading without leading zeros', () => {
    expect(digitSplits(['000'], 3)).toEqual([[0, 0, 0]]);
    expect(digitSplits(['105'], 2)).toEqual([[10, 5]]);
    expect(digitSplits(['12', '3'], 3)).toEqual([[1, 2, 3]]);
    expect(digitSplits(['1234'], 5)).toEqual([]);
  });

  it('keeps exactly one reading of pt-syq-2022 `713000074` once the row total must hold', () => {
    const all = digitSplits(['713000074'], 7)!;
    expect(all.length).toBeGreaterThan(1);
    expect(all.filter(rowTotalHolds)).toEqual([[71, 3, 0, 0, 0, 0, 74]]);
  });

  it('never runs long: impossible lengths are rejected at once, and work is bounded', () => {
    expect(digitSplits(['9'.repeat(200)], 15)).toEqual([]);
    expect(digitSplits(['1'.repeat(100)], 15, 1000)).toBeUndefined();
    // 150 ones into 15 numbers has too many readings: bounded work, then "cannot tell".
    expect(digitSplits(['1'.repeat(150)], 15)).toBeUndefined();
  });
});
