import { type Finding, isReadingNote, type Severity } from '@nianbao/schema';
import type { Batch, BatchSummary, CheckedReport, FailOn, SeverityCounts } from './types.ts';

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Most severe first; stable for equal severities. */
export function bySeverity<T extends { severity: Severity }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => SEVERITY_RANK[a.item.severity] - SEVERITY_RANK[b.item.severity] || a.i - b.i)
    .map((x) => x.item);
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The report's own findings and the reading notes of a result, apart. */
export function splitNotes(result: Pick<CheckedReport, 'findings' | 'diagnostics'>): {
  findings: Finding[];
  notes: Finding[];
} {
  const findings: Finding[] = [];
  const notes: Finding[] = [...result.diagnostics];
  for (const f of result.findings) (isReadingNote(f) ? notes : findings).push(f);
  return { findings, notes };
}

/**
 * The worst severity of a result. An input that could not be read, or held no
 * readable report, counts as an error: it was not checked, and a script must not
 * take it for a clean report. A reading note of a report that was read counts at
 * most as a warning: it is our uncertainty, never the report's error.
 */
export function worstSeverity(result: CheckedReport): Severity | undefined {
  if (result.error || !result.found) return 'error';
  const { findings, notes } = splitNotes(result);
  let worst: Severity | undefined;
  const consider = (s: Severity) => {
    if (!worst || SEVERITY_RANK[s] < SEVERITY_RANK[worst]) worst = s;
  };
  for (const f of findings) consider(f.severity);
  for (const n of notes) consider(n.severity === 'error' ? 'warning' : n.severity);
  return worst;
}

function reaches(severity: Severity | undefined, failOn: FailOn): boolean {
  if (!severity || failOn === 'never') return false;
  return SEVERITY_RANK[severity] <= SEVERITY_RANK[failOn];
}

/**
 * Totals of a batch and the exit code a script should see:
 * 2 when no input could be read at all, 1 when a visible finding, diagnostic or
 * input error reaches `failOn` (an unreadable input, or one without a readable report,
 * counts as an error: it was not checked), 0 otherwise.
 */
export function summarize(
  results: readonly CheckedReport[],
  failOn: FailOn = 'error',
): BatchSummary {
  const findings: SeverityCounts = { error: 0, warning: 0, info: 0 };
  const diagnostics: SeverityCounts = { error: 0, warning: 0, info: 0 };
  let checked = 0;
  let notFound = 0;
  let failed = 0;
  let suppressed = 0;
  let reportsWithErrors = 0;
  let failing = false;
  for (const r of results) {
    if (r.error) failed++;
    else if (!r.found) notFound++;
    else checked++;
    const split = splitNotes(r);
    const f = countSeverities(split.findings);
    const d = countSeverities(split.notes);
    for (const k of ['error', 'warning', 'info'] as const) {
      findings[k] += f[k];
      diagnostics[k] += d[k];
    }
    if (f.error > 0) reportsWithErrors++;
    suppressed += r.suppressed.length;
    if (reaches(worstSeverity(r), failOn)) failing = true;
  }
  const exitCode = results.length > 0 && failed === results.length ? 2 : failing ? 1 : 0;
  return {
    inputs: results.length,
    checked,
    notFound,
    failed,
    findings,
    diagnostics,
    suppressed,
    reportsWithErrors,
    failOn,
    exitCode,
  };
}

/** Builds a batch from results: the summary follows from them. */
export function makeBatch(results: CheckedReport[], failOn: FailOn = 'error'): Batch {
  return { results, summary: summarize(results, failOn) };
}
