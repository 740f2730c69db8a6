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
  type Locale,
  type Provenance,
  type Severity,
} from '@nianbao/schema';
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
    state.reports = result.reports.map(({ result: extracted, findings }, reportIndex) => {
      const numbered: NumberedFinding[] = sortBySeverity(findings).map((finding) => {
        number++;
        const element = elementOf(extracted.provenance, finding.cells[0]);
        return {
          ...finding,
          number,
          reportIndex,
          table: tableOf(finding.cells[0]),
          marked: element !== undefined,
        };
      });
      for (const f of numbered) state.counts[f.severity]++;
      const report: PageReport = {
        report: extracted.report,
        provenance: plainProvenance(extracted.provenance),
        findings: numbered,
      };
      return report;
    });
    state.diagnostics = result.diagnostics;
    return state;
  }

  private buildMarks(result: PageCheck, state: PageState): CellMark[] {
    const marks: CellMark[] = [];
    state.reports.forEach((report, index) => {
      const provenance = result.reports[index]!.result.provenance;
      for (const finding of report.findings) {
        finding.cells.forEach((path, i) => {
          const element = elementOf(provenance, path);
          if (!element) return;
          marks.push({
            element,
            number: finding.number,
            ruleId: finding.ruleId,
            severity: finding.severity,
            role: i === 0 ? 'primary' : 'involved',
            path,
            message: finding.message,
            ...(finding.fix ? { fix: fixText(finding, state.locale, report.report.format) } : {}),
          });
        });
      }
    });
    return marks;
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function sortBySeverity(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
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
