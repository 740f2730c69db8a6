import type { Rule } from '../../core/types.ts';
import { previousYearComparable } from '../../text/previous.ts';

const ROWS = ['licensing', 'otherServices', 'penalty', 'coercion', 'fees'] as const;

/** 2019 format: 上一年项目数量 (Y) = 上一年项目数量 (Y−1) + 本年增/减 (Y−1). */
const rule: Rule = {
  meta: {
    id: 'XY-T2-A-PREV',
    severity: 'warning',
    formats: ['2019'],
    tags: ['cross-year', 'activeDisclosure'],
    inferred: true,
    docs: {
      zh: '（2019年格式，2020对2019）第二十条第（五）（六）（八）项：本年“上一年项目数量”= 上年的“上一年项目数量”+ 上年的“本年增/减”',
      en: '(2019 format, 2020 vs 2019) Art. 20 items (5), (6), (8): "items last year" = last year\'s "items last year" + last year\'s "change"',
    },
    basis: '各列含义；湖北变体注明“上一年项目数量（指2019年事项数）”（S12）（spec §6.4，推定 [I]）',
    messages: {
      default: {
        zh: '{cell}为{actual}，而上一年度报告的项目数量加增减为{expected}',
        en: "{cell} is {actual}, but last year's count plus its change gives {expected}",
      },
    },
  },
  applies: (ctx) =>
    previousYearComparable(ctx) &&
    ctx.previous?.format === '2019' &&
    ctx.previous.activeDisclosure !== undefined,
  check(ctx) {
    for (const row of ROWS) {
      const cell = `activeDisclosure.${row}.previousCount`;
      const now = ctx.cell(cell);
      const count = ctx.previousCell(`activeDisclosure.${row}.previousCount`);
      const change = ctx.previousCell(`activeDisclosure.${row}.change`);
      // Only when all three were written: a blank here is more likely "not filled in" than 0.
      if (typeof now !== 'number' || typeof count !== 'number' || typeof change !== 'number')
        continue;
      const expected = count + change;
      if (now !== expected) ctx.flag({ cells: [cell], expected, actual: now });
    }
  },
};

export default rule;
