import type { RuleContext } from '../core/types.ts';
import { APPEAL_COLUMNS } from '../templates/index.ts';

export type AppealGroup = 'review' | 'litigationDirect' | 'litigationAfterReview';

/**
 * The equation of one group of table 四: 总计 = the four outcome columns before it.
 * Shared by T4-REV-TOTAL, T4-LITD-TOTAL and T4-LITR-TOTAL; the columns come from the template.
 */
export function appealsTotalEquation(ctx: RuleContext, group: AppealGroup): void {
  const cells = APPEAL_COLUMNS.map((column) => `appeals.${group}.${column.key}`);
  ctx.equation({ sum: cells.slice(0, -1), equals: cells.slice(-1) });
}
