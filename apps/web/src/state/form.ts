import {
  type AgencyKind,
  blankReport,
  CHINESE_ORDINALS,
  cellInfo,
  FORMATS,
  type Format,
  formatForYear,
  type Provenance,
  type Report,
  SECTIONS,
} from '@nianbao/schema';
import type { Draft } from '../lib/drafts.ts';
import type { CellUpdate } from '../lib/grid.ts';
import { convertReport, writeCell } from './convert.ts';
import type { FormCellProvenance } from './typed-cells.ts';

/** Everything the form edits; saved as a draft on every change. */
export interface FormState {
  draftId: string;
  updatedAt: string;
  report: Report;
  provenance?: Provenance;
  /** The format was chosen by hand or by an import, instead of following the year. */
  formatPinned: boolean;
  /** The report as it last was in each format, so switching formats loses nothing. */
  stash: Partial<Record<Format, Report>>;
  source?: string;
  /** Nothing has been typed into this (blank) report yet. */
  pristine: boolean;
}

export type MetaText = 'title' | 'agencyName' | 'publishedAt';

export type FormAction =
  | { type: 'load'; draft: Draft }
  | { type: 'cells'; updates: CellUpdate[] }
  /** Back to an earlier report of the same draft (undo of a paste, a fill or a fix). */
  | { type: 'restore'; report: Report; provenance: Provenance | undefined }
  | { type: 'meta'; key: MetaText; value: string }
  | { type: 'agencyKind'; value: AgencyKind | undefined }
  | { type: 'year'; value: number | undefined }
  | { type: 'format'; value: Format }
  | { type: 'preamble'; value: string }
  | { type: 'section'; index: number; heading?: string; text?: string }
  | { type: 'section-merge'; index: number }
  | { type: 'section-add'; number: number };

/** A report year is the previous calendar year until the report is published. */
export function defaultReportYear(now = new Date()): number {
  return now.getFullYear() - 1;
}

/** A new, empty report: every cell blank, the six official headings with no text. */
export function newReport(year = defaultReportYear()): Report {
  const report = blankReport(formatForYear(year));
  report.meta = { reportYear: year };
  report.sections = SECTIONS.map((s) => ({ ordinal: s.ordinal, heading: s.heading.zh, text: '' }));
  return report;
}

export function stateFromDraft(draft: Draft): FormState {
  const { report } = draft;
  const year = report.meta.reportYear;
  return {
    draftId: draft.id,
    updatedAt: draft.updatedAt,
    report,
    ...(draft.provenance && { provenance: draft.provenance }),
    formatPinned:
      draft.formatPinned ?? (year !== undefined && formatForYear(year) !== report.format),
    stash: {},
    ...(draft.source && { source: draft.source }),
    pristine: draft.pristine === true,
  };
}

export function draftFromState(state: FormState): Draft {
  return {
    id: state.draftId,
    updatedAt: state.updatedAt,
    report: state.report,
    ...(state.provenance && { provenance: state.provenance }),
    formatPinned: state.formatPinned,
    ...(state.source && { source: state.source }),
    ...(state.pristine && { pristine: true }),
  };
}

function ordinalOf(heading: string): string | null {
  const m = /^\s*([一二三四五六七八九十]+)\s*[、.．]/.exec(heading);
  return m ? m[1]! : null;
}

/** Fills a table the document did not have with blank rows, before the first value goes in. */
function materialiseTable(report: Report, table: string): void {
  if ((report as Record<string, unknown>)[table] !== undefined) return;
  const t = FORMATS[report.format];
  const rows =
    table === 'activeDisclosure'
      ? t.activeDisclosure.subTables.flatMap((s) => s.rows)
      : table === 'applications'
        ? t.applications.rows
        : t.appeals.rows;
  for (const row of rows) for (const cell of row.cells) writeCell(report, cell, null);
}

function withFormat(state: FormState, format: Format, pinned: boolean): FormState {
  if (format === state.report.format) return { ...state, formatPinned: pinned };
  const stash = { ...state.stash, [state.report.format]: state.report };
  return {
    ...state,
    report: convertReport(state.report, format, state.stash[format]),
    formatPinned: pinned,
    stash,
  };
}

function edit(state: FormState, report: Report, extra: Partial<FormState> = {}): FormState {
  return { ...state, ...extra, report, updatedAt: new Date().toISOString(), pristine: false };
}

export function formReducer(state: FormState, action: FormAction): FormState {
  switch (action.type) {
    case 'load':
      return stateFromDraft(action.draft);
    case 'cells': {
      if (action.updates.length === 0) return state;
      // Only the tables that change are copied: meta and sections keep their identity,
      // so the parts of the form that show them are not redrawn on every keystroke.
      const report = { ...state.report };
      const copied = new Set<string>();
      const cells = { ...state.provenance?.cells };
      for (const u of action.updates) {
        const info = cellInfo(report.format, u.path);
        if (!info) continue;
        if (!copied.has(info.table)) {
          copied.add(info.table);
          const table = (report as Record<string, unknown>)[info.table];
          if (table !== undefined) {
            (report as Record<string, unknown>)[info.table] = structuredClone(table);
          }
        }
        materialiseTable(report, info.table);
        writeCell(report, u.path, u.notANumber ? null : u.value);
        // Keep what was typed: "1511.0000" and "1511" differ for MONEY-HDR-DECIMALS; text that
        // is not a number is kept as typed, marked, with null in the report (see typed-cells.ts).
        const cell: FormCellProvenance = { ...cells[u.path], raw: u.raw };
        if (u.notANumber) cell.notANumber = true;
        else delete cell.notANumber;
        cells[u.path] = cell;
      }
      return edit(state, report, { provenance: { ...state.provenance, cells } });
    }
    case 'restore': {
      const next = edit(state, action.report);
      if (action.provenance) next.provenance = action.provenance;
      else delete next.provenance;
      return next;
    }
    case 'meta': {
      const meta = { ...state.report.meta };
      const value = action.value.trim() === '' ? undefined : action.value;
      if (value === undefined) delete meta[action.key];
      else meta[action.key] = value;
      if (action.key === 'publishedAt') {
        if (value === undefined) delete meta.publishedAtSource;
        else meta.publishedAtSource = 'user';
      }
      return edit(state, { ...state.report, meta });
    }
    case 'agencyKind': {
      const meta = { ...state.report.meta };
      if (action.value) meta.agencyKind = action.value;
      else delete meta.agencyKind;
      return edit(state, { ...state.report, meta });
    }
    case 'year': {
      const meta = { ...state.report.meta };
      if (action.value === undefined) delete meta.reportYear;
      else meta.reportYear = action.value;
      const next = edit(state, { ...state.report, meta });
      if (action.value === undefined || state.formatPinned) return next;
      return withFormat(next, formatForYear(action.value), false);
    }
    case 'format': {
      const year = state.report.meta.reportYear;
      const pinned = year === undefined || formatForYear(year) !== action.value;
      return withFormat({ ...state, updatedAt: new Date().toISOString() }, action.value, pinned);
    }
    case 'preamble': {
      const report = { ...state.report };
      if (action.value === '') delete report.preamble;
      else report.preamble = action.value;
      return edit(state, report);
    }
    case 'section': {
      const sections = state.report.sections.map((s, i) => {
        if (i !== action.index) return s;
        const heading = action.heading ?? s.heading;
        return { heading, ordinal: ordinalOf(heading), text: action.text ?? s.text };
      });
      return edit(state, { ...state.report, sections });
    }
    case 'section-merge': {
      const { sections } = state.report;
      const from = sections[action.index];
      const into = sections[action.index - 1];
      if (!from || !into) return state;
      const text = [into.text, from.heading, from.text].filter((t) => t.trim() !== '').join('\n');
      const merged = [...sections];
      merged.splice(action.index - 1, 2, { ...into, text });
      return edit(state, { ...state.report, sections: merged });
    }
    case 'section-add': {
      const tpl = SECTIONS[action.number - 1];
      if (!tpl) return state;
      const rank = (ordinal: string | null) =>
        ordinal ? CHINESE_ORDINALS.indexOf(ordinal) + 1 : 0;
      const sections = [...state.report.sections];
      let at = sections.findIndex((s) => rank(s.ordinal) > action.number);
      if (at < 0) at = sections.length;
      sections.splice(at, 0, { ordinal: tpl.ordinal, heading: tpl.heading.zh, text: '' });
      return edit(state, { ...state.report, sections });
    }
  }
}
