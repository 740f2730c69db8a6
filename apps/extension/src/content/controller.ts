/**
 * Runs a check on the page, marks the cells and keeps the page's state:
 * `data-nianbao-state` on `<html>`, the marks, and the plain-JSON summary sent
 * to the background worker and the side panel. Never throws: any failure
 * becomes state `error` (nothing reaches the page's console).
 */
import {
  describeCell,
  type Finding,
  type Format,
  isReadingNote,
  type Locale,
  type Provenance,
  type Severity,
  summarize,
} from '@nianbao/schema';
import { ruleName } from '../shared/rule-names.ts';
import {
  type CheckState,
  emptyCounts,
  type NumberedFinding,
  type PageReport,
  type PageState,
  type TableId,
} from '../shared/types.ts';
import { checkPage, type PageCheck } from './engine.ts';
import { AttributeLedger } from './ledger.ts';
import { applyMarks, type CellMark, type Marks } from './marks.ts';

export const STATE_ATTRIBUTE = 'data-nianbao-state';
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const TABLES: readonly TableId[] = ['activeDisclosure', 'applications', 'appeals'];

export interface ControllerOptions {
  /** Where results go (the background worker); failures to send are ignored. */
  publish(state: PageState): void;
  /** Replaceable for tests and the benchmark. */
  check?: (doc: Document, options: { locale: Locale; url: string }) => PageCheck;
}

export class PageController {
  private marks: Marks | undefined;
  private cellMarks: CellMark[] = [];
  private readonly htmlLedger = new AttributeLedger();
  private current: PageState;

  constructor(
    private readonly doc: Document,
    private readonly options: ControllerOptions,
  ) {
    this.current = this.blankState('checking', 'zh-CN');
  }

  get state(): PageState {
    return this.current;
  }

  /** Extracts, checks and marks. Returns the new state (also published). */
  run(locale: Locale): PageState {
    const started = now();
    this.clearMarks();
    this.setStateAttribute('checking');
    let state: PageState;
    try {
      const url = this.doc.location?.href ?? '';
      const result = (this.options.check ?? checkPage)(this.doc, { locale, url });
      state = this.buildState(result, locale);
      const marking = now();
      this.cellMarks = this.buildMarks(result, state);
      this.showMarks(state);
      if (result.timings) {
        state.timings = {
          extract: round(result.timings.extract),
          check: round(result.timings.check),
          mark: round(now() - marking),
        };
      }
    } catch (error) {
      this.clearMarks();
      state = {
        ...this.blankState('error', locale),
        error: error instanceof Error ? error.message : String(error),
      };
      this.cellMarks = [];
      this.showMarks(state);
    }
    state.durationMs = round(now() - started);
    this.current = state;
    this.publish();
    return state;
  }

  /** Switches the marks off (the page is restored exactly) or back on. */
  setMarks(on: boolean): PageState {
    if (on && !this.current.marksOn) this.showMarks(this.current);
    if (!on) {
      this.clearMarks();
      this.htmlLedger.restoreAll();
      this.current = { ...this.current, marksOn: false };
    }
    this.publish();
    return this.current;
  }

  reveal(number: number): boolean {
    if (!this.current.marksOn) this.showMarks(this.current);
    return this.marks?.reveal(number) ?? false;
  }

  private showMarks(state: PageState): void {
    this.clearMarks();
    this.marks = applyMarks(this.doc, this.cellMarks, {
      locale: state.locale,
      state: state.state,
      counts: state.counts,
      reports: state.reports.length,
      ...(state.state === 'no-report' && state.diagnostics[0]
        ? { note: state.diagnostics[0].message }
        : {}),
      onHide: () => this.setMarks(false),
    });
    this.setStateAttribute(state.state);
    state.marksOn = true;
    this.current = state;
  }

  private clearMarks(): void {
    this.marks?.remove();
    this.marks = undefined;
  }

  private setStateAttribute(state: CheckState): void {
    this.htmlLedger.set(this.doc.documentElement, STATE_ATTRIBUTE, state);
  }

  private publish(): void {
    try {
      this.options.publish(this.current);
    } catch {
      // the extension was reloaded or the worker is gone: the page keeps its marks
    }
  }

  private blankState(state: CheckState, locale: Locale): PageState {
    return {
      state,
      url: this.doc.location?.href ?? '',
      title: this.doc.title ?? '',
      locale,
      reports: [],
      counts: emptyCounts(),
      diagnostics: [],
      marksOn: false,
    };
  }

  private buildState(result: PageCheck, locale: Locale): PageState {
    const state = this.blankState(result.reports.length ? 'done' : 'no-report', locale);
    let number = 0;
    const all: Finding[] = [];
    state.reports = result.reports.map(({ result: extracted, findings }, reportIndex) => {
      const provenance = extracted.provenance;
      const located = findings.map((f) => firstElement(provenance, f));
      const order = pageOrder(located.filter((e): e is Element => e !== undefined));
      const numbered: NumberedFinding[] = inListOrder(findings, (i) => {
        const element = located[i];
        if (element) return order.get(element)! + 1;
        return findings[i]!.cells[0]?.startsWith('meta.') ? 0 : undefined;
      }).map(({ finding, position }) => {
        number++;
        return {
          ...finding,
          number,
          reportIndex,
          table: tableOf(finding.cells[0]),
          marked: elementOf(provenance, finding.cells[0]) !== undefined,
          ...(position !== undefined ? { position } : {}),
        };
      });
      all.push(...findings);
      const report: PageReport = {
        report: extracted.report,
        provenance: plainProvenance(provenance),
        findings: numbered,
      };
      return report;
    });
    // The same counts as every other surface: reading notes apart, never errors.
    const summary = summarize(all);
    state.counts = {
      error: summary.errors,
      warning: summary.warnings,
      info: summary.infos,
      notes: summary.notes,
    };
    state.diagnostics = result.diagnostics;
    return state;
  }

  private buildMarks(result: PageCheck, state: PageState): CellMark[] {
    const marks: CellMark[] = [];
    state.reports.forEach((report, index) => {
      const provenance = result.reports[index]!.result.provenance;
      for (const finding of report.findings) {
        const culprits = new Set(fixesOf(finding).map((f) => f.cell));
        const name = ruleName(finding.ruleId, state.locale);
        finding.cells.forEach((path, i) => {
          const element = elementOf(provenance, path);
          if (!element) return;
          marks.push({
            element,
            number: finding.number,
            ruleId: finding.ruleId,
            severity: finding.severity,
            role: i === 0 ? 'primary' : 'involved',
            ...(culprits.has(path) ? { culprit: true } : {}),
            ...(name ? { name } : {}),
            path,
            message: finding.message,
            ...(finding.fix ? { fix: fixText(finding, state.locale, report.report.format) } : {}),
          });
        });
      }
    });
    // The culprits first: their marks are the strongest.
    return [...marks.filter((m) => m.culprit), ...marks.filter((m) => !m.culprit)];
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/**
 * The order findings are numbered and listed in: the report's own findings by
 * severity, then page position (the header's meta first, then cells in page
 * order, then what has no place on the page, in check order); reading notes
 * after them, in the same order.
 */
export function inListOrder(
  findings: readonly Finding[],
  positionOf: (index: number) => number | undefined,
): { finding: Finding; position: number | undefined }[] {
  return findings
    .map((finding, i) => ({ finding, position: positionOf(i), i }))
    .sort(
      (a, b) =>
        Number(isReadingNote(a.finding)) - Number(isReadingNote(b.finding)) ||
        SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] ||
        (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) ||
        a.i - b.i,
    )
    .map(({ finding, position }) => ({ finding, position }));
}

type WithFixes = Finding & { fixes?: { cell: string; value: number }[] };

/** The cells a finding's fix changes: `fix`, and each of `fixes` when present. */
export function fixesOf(finding: Finding): { cell: string; value: number }[] {
  const list = [...((finding as WithFixes).fixes ?? [])];
  if (finding.fix && !list.some((f) => f.cell === finding.fix!.cell)) list.unshift(finding.fix);
  return list;
}

/** The first of a finding's cells that is on the page. */
function firstElement(provenance: Provenance, finding: Finding): Element | undefined {
  for (const path of finding.cells) {
    const element = elementOf(provenance, path);
    if (element) return element;
  }
  return undefined;
}

/** Elements in page order (frames where their frame element is), as a rank per element. */
export function pageOrder(elements: readonly Element[]): Map<Element, number> {
  const chain = (element: Element): Element[] => {
    const out = [element];
    let frame = element.ownerDocument?.defaultView?.frameElement ?? null;
    while (frame && out.length < 20) {
      out.unshift(frame);
      frame = frame.ownerDocument?.defaultView?.frameElement ?? null;
    }
    return out;
  };
  const compare = (a: Element, b: Element): number => {
    if (a === b) return 0;
    const ca = chain(a);
    const cb = chain(b);
    for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
      const x = ca[i]!;
      const y = cb[i]!;
      if (x === y) continue;
      const relation = x.compareDocumentPosition(y);
      if (relation & 4) return -1; // y follows x
      if (relation & 2) return 1;
      return 0;
    }
    return ca.length - cb.length;
  };
  const sorted = [...new Set(elements)].sort(compare);
  return new Map(sorted.map((element, i) => [element, i]));
}

function tableOf(path: string | undefined): TableId {
  const head = path?.split('.')[0];
  return (TABLES as readonly string[]).includes(head ?? '') ? (head as TableId) : 'other';
}

/** The page element a cell (or row label) path was read from, if it is still in the page. */
function elementOf(provenance: Provenance, path: string | undefined): Element | undefined {
  if (!path) return undefined;
  const fromCell = provenance.cells[path]?.location?.element;
  const fromLabel =
    fromCell ??
    provenance.labels?.find((l) => l.path === path && l.kind === 'row')?.location?.element;
  const element = fromLabel as Element | undefined;
  return element && element.nodeType === 1 && element.isConnected ? element : undefined;
}

function fixText(finding: Finding, locale: Locale, format: Format): string {
  const { cell, value } = finding.fix!;
  if (cell === finding.cells[0]) {
    return locale === 'en' ? `Fix: change this cell to ${value}` : `建议：将此格改为 ${value}`;
  }
  const name = describeCell(format, cell, locale);
  return locale === 'en' ? `Fix: change ${name} to ${value}` : `建议：将${name}改为 ${value}`;
}

/** Provenance without DOM elements (it crosses extension messaging as JSON). */
export function plainProvenance(provenance: Provenance): Provenance {
  const strip = <T extends { location?: { element?: unknown } }>(item: T): T => {
    if (!item.location) return item;
    const { element: _element, ...location } = item.location;
    return { ...item, location };
  };
  const cells: Provenance['cells'] = {};
  for (const [path, cell] of Object.entries(provenance.cells)) cells[path] = strip(cell);
  return {
    cells,
    ...(provenance.labels ? { labels: provenance.labels.map(strip) } : {}),
    ...(provenance.tableHeaders ? { tableHeaders: { ...provenance.tableHeaders } } : {}),
  };
}
