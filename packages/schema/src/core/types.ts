import type { AgencyKind, Format, Report } from '../model/report.ts';
import type { FormatTemplate, Locale } from '../templates/types.ts';

export type Severity = 'error' | 'warning' | 'info';
export type Origin = 'report' | 'extraction';

/** One defect (or one "needs review" note) in a report. The contract of docs/architecture.md. */
export interface Finding {
  /** Rule id as in docs/report-format.md, e.g. `T3-COL-BALANCE`. */
  ruleId: string;
  severity: Severity;
  /** `report`: the author's mistake; `extraction`: our uncertainty reading the document. */
  origin: Origin;
  /** In the requested locale. */
  message: string;
  /** Cell paths involved; `cells[0]` is the primary one. */
  cells: string[];
  expected?: number;
  actual?: number;
  /** Present when changing one cell to `value` satisfies every failing equation. */
  fix?: { cell: string; value: number };
  /**
   * Present when no single cell but exactly one pair of cells explains the failing
   * equations: both changes together satisfy all of them (the culprits, marked first).
   */
  fixes?: { cell: string; value: number }[];
  /** Stable across runs and layouts: a hash of the rule id and the cell paths. */
  fingerprint: string;
  /** The values the message was built from (placeholders), for surfaces that re-render it. */
  params?: Record<string, string | number>;
}

/** Where a value was read in the source document. */
export interface SourceLocation {
  /** Index of the `<table>` among the document's tables (0-based). */
  table?: number;
  /** Row and column in the resolved grid of that table (0-based). */
  row?: number;
  column?: number;
  /** 1-based line (and column) in the source text or HTML. */
  line?: number;
  lineColumn?: number;
  /** 1-based page of a PDF (surfaces say 第3页). */
  page?: number;
  /** The text's box on that page in points, [x0, top, x1, bottom], origin at the top left. */
  box?: [number, number, number, number];
  /** The DOM element itself, when the input was a live DOM (typed loosely to keep this package DOM-free). */
  element?: unknown;
}

export interface CellProvenance {
  /** The cell text exactly as found (before parsing). */
  raw: string;
  /** The column header text as found (units and decimal notes live here). */
  header?: string;
  /** The row label as found. */
  rowLabel?: string;
  location?: SourceLocation;
}

export interface LabelProvenance {
  kind: 'row' | 'column' | 'caption' | 'header';
  /** Row path (rows), `<table>.<columnKey>` (columns), sub-table id (captions). */
  path: string;
  raw: string;
  /** The canonical label the raw text was matched to. */
  canonical: string;
  location?: SourceLocation;
}

/** What the extractor saw, for the rules that need more than numbers. */
export interface Provenance {
  /** Keyed by cell path. */
  cells: Record<string, CellProvenance>;
  /** Row, column and caption labels as found. */
  labels?: LabelProvenance[];
  /** Header notes of whole tables, e.g. the 勾稽 statement of table 三, keyed by table id. */
  tableHeaders?: Partial<Record<'activeDisclosure' | 'applications' | 'appeals', string>>;
  /**
   * Cell paths the extractor found on the page but could not read (lost
   * separators, a wrong count of numbers). Its own diagnostics (origin
   * "extraction") speak for them; rules must not report them as missing.
   */
  unread?: string[];
}

export interface CheckOptions {
  /** Message language; `zh-CN` by default. */
  locale?: Locale;
  /** Last year's report of the same agency, for the cross-year rules (XY-*). */
  previous?: Report;
  /** Raw cell and header texts from the extractor. */
  provenance?: Provenance;
  /** Overrides `report.meta.agencyKind`. */
  agencyKind?: AgencyKind;
  /** Overrides `report.meta.publishedAt` (ISO date). */
  publishedAt?: string;
  /** Deadline for townships and other bodies (DL-OTHER), as `MM-DD` of the following year. Default `03-31`. */
  localDeadline?: string;
  /** Only run these rule ids (default: all). */
  rules?: string[];
}

/** A check outcome that is not a defect: a number that matched, for auditing (axe's "passes"). */
export interface Pass {
  ruleId: string;
  message: string;
  cells: string[];
  params?: Record<string, string | number>;
}

export interface CheckResult {
  findings: Finding[];
  passes: Pass[];
}

export type Messages = Record<string, { zh: string; en: string }>;

export interface RuleMeta {
  id: string;
  severity: Severity;
  formats: Format[];
  tags: string[];
  /** One line on what the rule checks, in both languages. */
  docs: { zh: string; en: string };
  /** The clause or label the rule rests on (spec §6 "Basis"). */
  basis: string;
  /** Inferred rules (spec [I]) stay warnings or below. */
  inferred?: boolean;
  /** Message templates with `{placeholders}`. `default` is required. */
  messages: Messages & { default: { zh: string; en: string } };
  /**
   * A policy that changes the severity of other rules' findings, chosen by tag
   * (e.g. FMT-2019-LENIENT). The engine applies it; it never names rule ids.
   */
  adjusts?: { tags: string[]; severity: Severity };
}

export interface ReportIssue {
  cells: string[];
  messageId?: string;
  params?: Record<string, string | number>;
  expected?: number;
  actual?: number;
  fix?: { cell: string; value: number };
  /** Overrides the rule's severity for this finding. */
  severity?: Severity;
  origin?: Origin;
  /** Extra discriminator for the fingerprint when `cells` is empty. */
  key?: string;
}

/** `Σ sum = Σ equals`, evaluated with blanks as 0; equations are pinpointed together. */
export interface Equation {
  sum: string[];
  equals: string[];
  messageId?: string;
  params?: Record<string, string | number>;
}

export interface RuleContext {
  report: Report;
  format: Format;
  template: FormatTemplate;
  locale: Locale;
  options: CheckOptions;
  previous?: Report;
  provenance?: Provenance;
  /** Effective agency kind and publication date (options override the report). */
  agencyKind?: AgencyKind;
  publishedAt?: string;
  /** A cell's value: number, null (blank) or undefined (row not in the report). */
  cell(path: string): number | null | undefined;
  /** What the extractor read for a cell (raw text, header), when provenance was given. */
  raw(path: string): CellProvenance | undefined;
  /** A value read from the previous report. */
  previousCell(path: string): number | null | undefined;
  /** Label of a cell or row for messages, in the context's locale. */
  label(path: string): string;
  /** Reports a finding. */
  flag(issue: ReportIssue): void;
  equation(eq: Equation): void;
  pass(note: {
    cells?: string[];
    messageId?: string;
    params?: Record<string, string | number>;
  }): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Whether the rule applies to this report (beyond `formats`); default: always. */
  applies?(ctx: RuleContext): boolean;
  check(ctx: RuleContext): void;
}
