import { FORMATS } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { gridsOf, moveFrom, planPaste } from './grid.ts';

const t3 = FORMATS['2021'].applications.rows;

describe('gridsOf', () => {
  it('lays table 三 out as its template rows and table 四 as one row of 15', () => {
    const g = gridsOf('2021');
    expect(g.tables.applications.length).toBe(FORMATS['2021'].applications.rows.length);
    expect(g.tables.appeals).toHaveLength(1);
    expect(g.tables.appeals[0]).toHaveLength(FORMATS['2021'].appeals.cellCount);
    const count = (f: '2019' | '2021') =>
      Object.values(gridsOf(f).tables).reduce((n, rows) => n + rows.flat().length, 0);
    expect(count('2019')).toBe(22 + 161 + 15);
    expect(count('2021')).toBe(10 + 175 + 15);
  });
});

describe('moveFrom', () => {
  it('moves within a row and between rows, and stops at the edges', () => {
    const first = t3[0]!.cells[0]!;
    expect(moveFrom('2021', first, 'right')).toBe(t3[0]!.cells[1]);
    expect(moveFrom('2021', first, 'down')).toBe(t3[1]!.cells[0]);
    expect(moveFrom('2021', first, 'up')).toBeUndefined();
    expect(moveFrom('2021', first, 'left')).toBeUndefined();
  });

  it('keeps to the nearest column where table 二 narrows', () => {
    const rows = gridsOf('2021').tables.activeDisclosure;
    // 规章 / 行政规范性文件 have three columns, 行政许可 one.
    const lastOfDocs = rows[1]![2]!;
    expect(moveFrom('2021', lastOfDocs, 'down')).toBe(rows[2]![0]);
  });
});

describe('planPaste', () => {
  it('fills the grid from the focused cell', () => {
    const at = t3[0]!.cells[1]!;
    const plan = planPaste('2021', at, [
      ['1', '2'],
      ['3', ''],
    ]);
    expect(plan.updates).toEqual([
      { path: t3[0]!.cells[1], value: 1, raw: '1' },
      { path: t3[0]!.cells[2], value: 2, raw: '2' },
      { path: t3[1]!.cells[1], value: 3, raw: '3' },
      { path: t3[1]!.cells[2], value: null, raw: '' },
    ]);
    expect(plan.outside).toBe(0);
  });

  it('drops row labels and header rows copied with the numbers', () => {
    const at = t3[0]!.cells[0]!;
    const plan = planPaste('2021', at, [
      ['自然人', '商业企业'],
      ['一、本年新收政府信息公开申请数量', '5', '1'],
    ]);
    expect(plan.updates.map((u) => [u.path, u.value])).toEqual([
      [t3[0]!.cells[0], 5],
      [t3[0]!.cells[1], 1],
    ]);
  });

  it('counts values that fall outside the table and cells that are not numbers', () => {
    const at = t3[0]!.cells[6]!;
    const plan = planPaste('2021', at, [['1', '2', '3']]);
    expect(plan.updates).toHaveLength(1);
    expect(plan.outside).toBe(2);
    expect(planPaste('2021', at, [['1', 'x']]).unreadable).toBe(0);
    expect(planPaste('2021', t3[0]!.cells[0]!, [['1', 'x']]).unreadable).toBe(1);
  });
});
