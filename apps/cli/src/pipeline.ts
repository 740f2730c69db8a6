import { type Batch, type CheckedReport, type FailOn, makeBatch } from '@nianbao/render';
import type { Finding, Locale, Provenance, Report } from '@nianbao/schema';
import { readFollowingAttachment } from './attachment.ts';
import { toInputError } from './errors.ts';
import type { ExtractResult } from './extract-node.ts';
import type { FetchLimits } from './fetch.ts';
import type { Input } from './inputs.ts';
import { agencyKey, pairConsecutiveYears } from './pairing.ts';
import { mapPool } from './pool.ts';
import { createReader, type Isolation } from './read-pool.ts';
import { applySuppressions, type Suppression } from './suppress.ts';

export interface PipelineOptions {
  locale: Locale;
  failOn: FailOn;
  concurrency: number;
  fetchLimits: FetchLimits;
  maxFileBytes: number;
  suppressions: Suppression[];
  /** Last year's report given with --previous (used where the batch has no pair). */
  previous?: { source: string; report: Report };
  /** How each document is isolated: worker threads, time limit and heap cap per document. */
  isolation: Isolation;
  /** Called after each input is read (progress bar). */
  onRead?: (done: number, total: number, source: string) => void;
}

interface Entry {
  source: string;
  extracted?: ExtractResult;
  error?: { code: string; message: string };
}

/**
 * Reads every input concurrently (one broken input becomes a result with an
 * error), pairs consecutive years of the same agency, checks every report that
 * was found, applies suppressions and returns the batch in input order.
 */
export async function runPipeline(
  inputs: readonly Input[],
  options: PipelineOptions,
): Promise<Batch> {
  let done = 0;
  // Only plain data crosses to the reader threads.
  const readOptions = {
    locale: options.locale,
    fetchLimits: options.fetchLimits,
    maxFileBytes: options.maxFileBytes,
  };
  const reader = createReader(
    { ...options.isolation, threads: Math.min(options.isolation.threads, inputs.length) },
    readOptions,
  );
  const read = await mapPool(inputs, options.concurrency, async (input): Promise<Entry[]> => {
    try {
      const results = await readFollowingAttachment(input, (i) => reader.read(i), options.locale);
      if (results.length === 0) {
        return [
          { source: input.source, error: { code: 'NO_REPORT', message: 'nothing could be read' } },
        ];
      }
      // A page with several reports yields one result each: `page.html#2`, …
      return results.map((extracted, i) => ({
        source: i === 0 ? input.source : `${input.source}#${i + 1}`,
        // Results from reader threads arrive as structured clones: detached already.
        extracted: reader.threads > 0 ? extracted : detached(extracted),
      }));
    } catch (error) {
      const e = toInputError(error);
      return [{ source: input.source, error: { code: e.code, message: e.message } }];
    } finally {
      options.onRead?.(++done, inputs.length, input.source);
    }
  }).catch(async (error) => {
    await reader.close();
    throw error;
  });
  const entries = read.flat();
  const reports = entries.map((e) => ({ report: e.extracted?.found ? e.extracted.report : null }));
  const pairs = pairConsecutiveYears(reports);

  const unreadable = (source: string, error: { code: string; message: string }): CheckedReport => ({
    source,
    format: null,
    reportYear: null,
    agencyName: null,
    report: null,
    findings: [],
    diagnostics: [],
    suppressed: [],
    found: false,
    error,
  });
  // check() runs on the workers too, under the same time and heap limits: a report that
  // makes a rule run away becomes that report's error, not the batch's end.
  const checked = await mapPool(entries, options.concurrency, async (entry, i) => {
    if (entry.error || !entry.extracted) return { entry, i };
    const { report, found } = entry.extracted;
    let previous: { source: string; report: Report } | undefined;
    const pair = pairs[i]!;
    if (pair >= 0) previous = { source: entries[pair]!.source, report: reports[pair]!.report! };
    else if (options.previous && isPreviousYear(options.previous.report, report))
      previous = options.previous;
    if (!found) return { entry, i, previous, findings: [] as Finding[] };
    try {
      const findings = await reader.check(entry.source, entry.extracted, previous?.report);
      return { entry, i, previous, findings };
    } catch (error) {
      const e = toInputError(error);
      return { entry, i, error: { code: e.code, message: e.message } };
    }
  }).finally(() => reader.close());

  const results = checked.map(({ entry, previous, findings, error }): CheckedReport => {
    if (error) return unreadable(entry.source, error);
    if (entry.error || !entry.extracted || !findings) {
      return {
        source: entry.source,
        format: null,
        reportYear: null,
        agencyName: null,
        report: null,
        findings: [],
        diagnostics: [],
        suppressed: [],
        found: false,
        error: entry.error ?? { code: 'INTERNAL', message: 'no result' },
      };
    }
    const { report, provenance, diagnostics, found } = entry.extracted;
    const visible = applySuppressions(entry.source, findings, options.suppressions);
    const visibleDiagnostics = applySuppressions(entry.source, diagnostics, options.suppressions);
    return {
      source: entry.source,
      format: found ? report.format : null,
      reportYear: report.meta.reportYear ?? null,
      agencyName: report.meta.agencyName ?? null,
      report,
      findings: visible.visible,
      diagnostics: visibleDiagnostics.visible,
      suppressed: [...visible.suppressed, ...visibleDiagnostics.suppressed],
      found,
      ...(previous ? { previousSource: previous.source } : {}),
      provenance: provenanceOfFindings(provenance, [...findings, ...diagnostics]),
    };
  });
  return makeBatch(results, options.failOn);
}

/**
 * A copy that shares no string with the source document. Values read from a page are
 * substrings of it, and V8 keeps the whole page alive for each of them: a batch holds
 * every report until the end, so copy them flat (measured: ~4× less memory per report).
 */
function detached(extracted: ExtractResult): ExtractResult {
  try {
    return structuredClone(extracted);
  } catch {
    return extracted; // e.g. live DOM elements in provenance: keep as is
  }
}

/**
 * Only what the outputs use (source lines of the cells findings name, for SARIF):
 * a batch of a thousand reports keeps a thousand of these, so drop the rest.
 */
function provenanceOfFindings(provenance: Provenance, findings: readonly Finding[]): Provenance {
  const cells: Provenance['cells'] = {};
  for (const f of findings) {
    for (const path of f.cells) {
      const line = provenance.cells[path]?.location?.line;
      if (line !== undefined)
        cells[path] = { raw: provenance.cells[path]!.raw, location: { line } };
    }
  }
  return { cells };
}

/**
 * --previous applies when its year is the one before and the agency is the same,
 * as far as the two reports say (an unknown year or name does not prevent it).
 */
function isPreviousYear(previous: Report, report: Report): boolean {
  const a = previous.meta.reportYear;
  const b = report.meta.reportYear;
  const sameYear = a === undefined || b === undefined || a === b - 1;
  const pa = agencyKey(previous.meta.agencyName);
  const pb = agencyKey(report.meta.agencyName);
  return sameYear && (!pa || !pb || pa === pb);
}
