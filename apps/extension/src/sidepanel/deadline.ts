/**
 * The publication deadline shown in the side panel, taken from the DL-* rules
 * of '@nianbao/schema' themselves (条例 第四十九条, spec §6.5), so the panel and
 * the findings can never disagree: the deadline rules are run on the report
 * with a probe publication date after every possible deadline, and the finding
 * that fires names the deadline. Display only: the DL-* findings report the defects.
 */
import { check, type Report, rules } from '@nianbao/schema';

export type DeadlineStatus = 'on-time' | 'late' | 'too-early' | 'no-date' | 'unknown-kind';

export interface DeadlineInfo {
  /** ISO date of the deadline, when the agency kind and year are known. */
  deadline?: string;
  /** Whether the deadline is the statutory one (条例 第四十九条) or the default local one. */
  statutory: boolean;
  status: DeadlineStatus;
}

const DEADLINE_RULES = rules.filter((r) => r.meta.tags.includes('deadline'));
const DEADLINE_IDS = DEADLINE_RULES.map((r) => r.meta.id);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function deadlineOf(report: Report, localDeadline?: string): DeadlineInfo {
  const year = report.meta?.reportYear;
  if (!year || !report.meta?.agencyKind) return { statutory: false, status: 'unknown-kind' };
  const probe = check(report, {
    rules: DEADLINE_IDS,
    publishedAt: `${year + 2}-01-01`,
    ...(localDeadline ? { localDeadline } : {}),
  }).find((f) => typeof f.params?.deadline === 'string');
  if (!probe) return { statutory: false, status: 'unknown-kind' };
  const deadline = String(probe.params!.deadline);
  // The statutory deadlines (departments, governments) are errors; a local one is advice.
  const statutory =
    DEADLINE_RULES.find((r) => r.meta.id === probe.ruleId)?.meta.severity === 'error';
  const base = { deadline, statutory };
  const published = report.meta.publishedAt?.trim();
  if (!published || !ISO.test(published)) return { ...base, status: 'no-date' };
  if (published < `${year + 1}-01-01`) return { ...base, status: 'too-early' };
  return { ...base, status: published <= deadline ? 'on-time' : 'late' };
}
