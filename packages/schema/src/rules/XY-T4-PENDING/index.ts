import type { Rule } from '../../core/types.ts';
import { previousYearComparable } from '../../text/previous.ts';

const GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;

/** Cases pending at the end of Y−1 should appear among Y's outcomes. */
const rule: Rule = {
  meta: {
    id: 'XY-T4-PENDING',
    severity: 'info',
    formats: ['2019', '2021'],
    tags: ['cross-year', 'appeals'],
    inferred: true,
    docs: {
      zh: '上一年度表四“尚未审结”的案件，本年度应体现在审结结果（结果维持、结果纠正、其他结果）中；无法严格核对，仅作提示',
      en: "Cases pending at the end of last year should show among this year's outcomes; not strictly checkable, so a hint",
    },
    basis: '“尚未审结”的含义（spec §6.4，推定 [I]）',
    messages: {
      default: {
        zh: '上一年度{group}尚未审结{pending}件，本年度审结结果合计只有{decided}件，请核对',
        en: 'Last year {pending} {group} cases were pending, but this year only {decided} outcomes are reported; please verify',
      },
    },
  },
  applies: (ctx) =>
    previousYearComparable(ctx) &&
    ctx.previous?.appeals !== undefined &&
    ctx.report.appeals !== undefined,
  check(ctx) {
    for (const group of GROUPS) {
      const pending = ctx.previousCell(`appeals.${group}.pending`) ?? 0;
      if (pending <= 0) continue;
      const parts = ['upheld', 'corrected', 'other'].map(
        (k) => ctx.cell(`appeals.${group}.${k}`) ?? 0,
      );
      const decided = parts.reduce((a, b) => a + b, 0);
      if (decided >= pending) continue;
      ctx.flag({
        cells: [`appeals.${group}.upheld`, `appeals.${group}.corrected`, `appeals.${group}.other`],
        params: { group: ctx.label(`appeals.${group}`), pending, decided },
      });
    }
  },
};

export default rule;
