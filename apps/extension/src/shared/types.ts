/**
 * What the in-page checker tells the rest of the extension. Everything here is
 * plain JSON (it crosses chrome.runtime messaging and chrome.storage.session):
 * DOM elements from the extraction provenance are stripped before sending.
 */
import type { Finding, Locale, Provenance, Report, Severity } from '@nianbao/schema';

export type CheckState = 'checking' | 'done' | 'no-report' | 'error';
export type TableId = 'activeDisclosure' | 'applications' | 'appeals' | 'other';

/** A finding as shown to the reviewer: numbered like its badge on the page. */
export interface NumberedFinding extends Finding {
  /** 1-based, unique on the page; the badge on the primary cell shows it. */
  number: number;
  /** Index of the report on the page (a page may hold several). */
  reportIndex: number;
  /** The table of the primary cell, for grouping. */
  table: TableId;
  /** Whether the primary cell was found on the page and marked. */
  marked: boolean;
  /** Page order of the finding's first cell found on the page (absent: not on the page). */
  position?: number;
}

export interface PageReport {
  report: Report;
  provenance: Provenance;
  findings: NumberedFinding[];
}

/** The report's own findings by severity, and the reading notes apart (never errors). */
export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
  notes?: number;
}

export interface PageState {
  state: CheckState;
  url: string;
  title: string;
  locale: Locale;
  reports: PageReport[];
  counts: SeverityCounts;
  /** Why no report was read (diagnostics of the extractor), when state is no-report. */
  diagnostics: Finding[];
  /** Error text when state is error (never page text as HTML). */
  error?: string;
  marksOn: boolean;
  /** Milliseconds from the start of the check to the marks being on the page. */
  durationMs?: number;
  /** Where that time went: extraction, the rules, marking (ms). */
  timings?: { extract: number; check: number; mark: number };
  /** Page-clock times (performance.now()) of the steps, for the benchmark. */
  phases?: { detectedAt?: number; injectedAt: number; runAt: number; doneAt: number };
}

export type ToContent =
  | { type: 'nianbao:run'; locale?: Locale }
  | { type: 'nianbao:marks'; on: boolean }
  | { type: 'nianbao:reveal'; number: number }
  | { type: 'nianbao:get-state' };

export type ToBackground =
  | { type: 'nianbao:detected' }
  | { type: 'nianbao:state'; state: PageState }
  | { type: 'nianbao:check-tab'; tabId: number; locale?: Locale };

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const emptyCounts = (): SeverityCounts => ({ error: 0, warning: 0, info: 0, notes: 0 });

export const stateKey = (tabId: number) => `tab:${tabId}`;
