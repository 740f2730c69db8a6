/**
 * Deadlines of 条例第四十九条 (spec §6.5). A date read from the URL path is a
 * last resort and may reflect re-posting, so lateness based on it is a warning.
 */

import type { RuleContext } from '../core/types.ts';
import type { AgencyKind } from '../model/report.ts';
import { isoDate, isoDay } from './dates.ts';

export interface Deadline {
  kinds: AgencyKind[];
  /** `MM-DD` of the year after the report year. */
  monthDay: (ctx: RuleContext) => string;
}

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The local deadline of options.localDeadline (`MM-DD`), or 03-31. */
export function localMonthDay(ctx: RuleContext): string {
  const value = ctx.options.localDeadline?.trim();
  return value && MONTH_DAY.test(value) ? value : '03-31';
}

export function deadlineApplies(ctx: RuleContext, kinds: AgencyKind[]): boolean {
  return (
    ctx.agencyKind !== undefined &&
    kinds.includes(ctx.agencyKind) &&
    ctx.report.meta?.reportYear !== undefined &&
    isoDay(ctx.publishedAt) !== undefined
  );
}

/** Flags a publication after the deadline; a URL-derived date makes it a warning. */
export function checkDeadline(ctx: RuleContext, monthDay: string): void {
  const year = ctx.report.meta.reportYear!;
  const deadline = isoDate(year + 1, monthDay);
  const published = ctx.publishedAt!;
  const late = isoDay(published)! - isoDay(deadline)!;
  if (late <= 0) return;
  const fromUrl =
    ctx.options.publishedAt === undefined && ctx.report.meta.publishedAtSource === 'url';
  ctx.flag({
    cells: ['meta.publishedAt'],
    messageId: fromUrl ? 'fromUrl' : 'default',
    params: { published, deadline, days: late, year },
    ...(fromUrl && { severity: 'warning' as const }),
  });
}
