import type { Rule } from '../../core/types.ts';
import { previousYearComparable } from '../../text/previous.ts';

/** 二、上年结转 (year Y) equals 四、结转下年度继续办理 (year Y−1), column by column. */
const rule: Rule = {
  meta: {
    id: 'XY-T3-CARRY',
    severity: 'warning',
    formats: ['2019', '2021'],
    tags: ['cross-year', 'applications'],
    inferred: true,
    docs: {
      zh: '本年表三“二、上年结转政府信息公开申请数量”逐列等于上一年度“四、结转下年度继续办理”（跨2020→2021格式边界同样适用）',
      en: 'Row II "carried over" of table 3 equals last year\'s row IV "carried forward", column by column (also across the 2020→2021 format change)',
    },
    basis: '“二、上年结转…”与“四、结转下年度继续办理”的含义（spec §6.4，推定 [I]）',
    messages: {
      default: {
        zh: '{cell}为{actual}，而上一年度报告的“四、结转下年度继续办理”（{column}）为{expected}',
        en: '{cell} is {actual}, but last year\'s "IV. carried forward" ({column}) was {expected}',
      },
    },
  },
  applies: (ctx) => previousYearComparable(ctx) && ctx.previous?.applications !== undefined,
  check(ctx) {
    for (const column of ctx.template.applications.columns) {
      const cell = `applications.carriedOver.${column.key}`;
      const now = ctx.cell(cell);
      const before = ctx.previousCell(`applications.carriedForward.${column.key}`);
      if (now === undefined || before === undefined) continue;
      // Blanks count as 0, as in the arithmetic rules.
      if ((now ?? 0) === (before ?? 0)) continue;
      ctx.flag({
        cells: [cell],
        expected: before ?? 0,
        actual: now ?? 0,
        params: { column: ctx.locale === 'en' ? column.label.en : column.label.zh },
      });
    }
  },
};

export default rule;
