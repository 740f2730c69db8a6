import type { Finding, Format, Provenance, Report, Severity } from '@nianbao/schema';

/** A finding the user chose to suppress (by fingerprint), with the reason they gave. */
export interface SuppressedFinding extends Finding {
  suppressedReason: string;
}

/**
 * The outcome for one input of a batch: one report read and checked, or an error.
 * This is the element of `results` in the CLI's JSON output; keep it stable.
 */
export interface CheckedReport {
  /** The input as the user named it: a path relative to the working directory, or a URL. */
  source: string;
  format: Format | null;
  reportYear: number | null;
  agencyName: string | null;
  /** The report as read (schema-valid), or null when nothing could be read. */
  report: Report | null;
  /** Findings of `check()`, most severe first (origin "report", or "extraction" where a rule says what was read is doubtful). */
  findings: Finding[];
  /** Findings of the extractor (origin "extraction"): what could not be read reliably. */
  diagnostics: Finding[];
  /** Findings hidden by a suppression file; counted and listed, never dropped. */
  suppressed: SuppressedFinding[];
  /** False when the document held no readable report (then `check` was not run). */
  found: boolean;
  /** Source of last year's report used for the cross-year rules, if any. */
  previousSource?: string;
  /** Present when the input could not be read at all. */
  error?: { code: string; message: string };
  /** Where cells were read (line numbers for SARIF); not part of the JSON output. */
  provenance?: Provenance;
}

export type FailOn = 'error' | 'warning' | 'never';

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface BatchSummary {
  /** Inputs processed (files, URLs, JSON reports). */
  inputs: number;
  /** Inputs where a report was read and checked. */
  checked: number;
  /** Inputs read but holding no readable report (`found: false`). */
  notFound: number;
  /** Inputs that could not be read (network, file, parse errors). */
  failed: number;
  /** Report findings by severity (suppressed ones excluded). */
  findings: SeverityCounts;
  /** Extraction diagnostics by severity (suppressed ones excluded). */
  diagnostics: SeverityCounts;
  suppressed: number;
  /** Reports with at least one error finding. */
  reportsWithErrors: number;
  failOn: FailOn;
  /** 0 nothing reached `failOn`; 1 something did; 2 no input could be read. */
  exitCode: 0 | 1 | 2;
}

export interface Batch {
  results: CheckedReport[];
  summary: BatchSummary;
}

export type { Finding, Severity };
