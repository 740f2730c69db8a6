import type { Report } from '@nianbao/schema';

export type DeadlineStatus = 'on-time' | 'late' | 'too-early' | 'no-date' | 'unknown-kind';

export interface DeadlineInfo {
  /** ISO date of the deadline, when the agency kind and year are known. */
  deadline?: string;
  /** Whether the deadline is the statutory one (条例 第四十九条) or the default local one. */
  statutory: boolean;
  status: DeadlineStatus;
}

/**
 * The publication deadline of 条例 第四十九条 for the report's agency: departments
 * of county-level governments and above by 1月31日, county-level governments and
 * above by 3月31日, others by the local deadline (default 3月31日, as the DL-OTHER
 * rule assumes). Display only: the DL-* rules of the schema report the defects.
 */
export function deadlineOf(report: Report, localDeadline = '03-31'): DeadlineInfo {
  const year = report.meta?.reportYear;
  const kind = report.meta?.agencyKind;
  if (!year || !kind) return { statutory: false, status: 'unknown-kind' };
  const next = year + 1;
  const deadline =
    kind === 'dept'
      ? `${next}-01-31`
      : kind === 'gov'
        ? `${next}-03-31`
        : `${next}-${localDeadline}`;
  const statutory = kind === 'dept' || kind === 'gov';
  const published = report.meta?.publishedAt;
  if (!published) return { deadline, statutory, status: 'no-date' };
  if (published < `${next}-01-01`) return { deadline, statutory, status: 'too-early' };
  return { deadline, statutory, status: published <= deadline ? 'on-time' : 'late' };
}
