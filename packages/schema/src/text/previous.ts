/** Conditions shared by the cross-year rules (XY-*). */
import type { RuleContext } from '../core/types.ts';

/**
 * Whether `options.previous` can be compared with this report: present, and
 * of the year before when both years are known.
 */
export function previousYearComparable(ctx: RuleContext): boolean {
  const previous = ctx.previous;
  if (!previous) return false;
  const year = ctx.report.meta?.reportYear;
  const before = previous.meta?.reportYear;
  return year === undefined || before === undefined || before === year - 1;
}
