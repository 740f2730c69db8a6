import type { Finding, Locale, Severity } from '@nianbao/schema';
import { findingCell, findingFix, reportTitle } from './describe.ts';
import { strings } from './i18n.ts';
import {
  bySeverity,
  countSeverities,
  SEVERITY_RANK,
  splitNotes,
  worstSeverity,
} from './severity.ts';
import type { Batch, CheckedReport } from './types.ts';

/** Styling hooks; identity by default (no colour). The CLI passes picocolors on a TTY. */
export interface TextStyles {
  error(s: string): string;
  warning(s: string): string;
  info(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
  ok(s: string): string;
}

const plain = (s: string) => s;
export const NO_STYLES: TextStyles = {
  error: plain,
  warning: plain,
  info: plain,
  bold: plain,
  dim: plain,
  ok: plain,
};

export interface TextOptions {
  locale?: Locale;
  styles?: TextStyles;
}

const MARK: Record<Severity, string> = { error: '✖', warning: '▲', info: '●' };
const LISTED_CELLS = 4;

/** Cell paths for scripts to grep; long lists (a table of blanks) are cut after a few. */
function cellList(cells: readonly string[], locale: Locale): string {
  const shown = cells.slice(0, LISTED_CELLS).join(', ');
  const rest = cells.length - LISTED_CELLS;
  if (rest <= 0) return shown;
  return locale === 'en' ? `${shown}, … (${rest} more)` : `${shown} 等（另 ${rest} 个）`;
}

function renderFinding(
  result: CheckedReport,
  f: Finding,
  locale: Locale,
  st: TextStyles,
  suppressedReason?: string,
): string[] {
  const s = strings(locale);
  const colour = st[f.severity];
  const head = `${colour(`${MARK[f.severity]} ${s.severity[f.severity]}`)} ${st.bold(f.ruleId)}`;
  const cell = findingCell(result.format, f, locale);
  const lines = [`  ${head}${cell ? `  ${cell}` : ''}`, `      ${f.message}`];
  const values: string[] = [];
  if (f.expected !== undefined) values.push(`${s.expected} ${f.expected}`);
  if (f.actual !== undefined) values.push(`${s.actual} ${f.actual}`);
  if (values.length) lines.push(`      ${values.join(locale === 'en' ? ', ' : '，')}`);
  const fix = findingFix(result.format, f, locale);
  if (fix) lines.push(`      ${st.ok(fix)}`);
  if (f.cells.length) lines.push(st.dim(`      ${cellList(f.cells, locale)}`));
  if (suppressedReason !== undefined) lines.push(st.dim(`      ${s.reason}: ${suppressedReason}`));
  return lines;
}

function renderResult(result: CheckedReport, locale: Locale, st: TextStyles): string[] {
  const s = strings(locale);
  const lines = [st.bold(reportTitle(result, locale)), st.dim(`  ${result.source}`)];
  if (result.previousSource) lines.push(st.dim(`  ${s.previous(result.previousSource)}`));
  if (result.error) {
    lines.push(
      `  ${st.error(`✖ ${s.inputError}`)}: ${result.error.message} (${result.error.code})`,
    );
    return lines;
  }
  // The report's findings first, then the reading notes: counted apart, never as its errors.
  const split = splitNotes(result);
  const visible = [...bySeverity(split.findings), ...bySeverity(split.notes)];
  const c = countSeverities(split.findings);
  if (!result.found) lines.push(`  ${st.warning(s.notFound)}`);
  else if (visible.length === 0) lines.push(`  ${st.ok(`✔ ${s.noFindings}`)}`);
  else lines.push(`  ${s.counts(c.error, c.warning, c.info, split.notes.length)}`);
  for (const f of visible) {
    const origin = f.origin === 'extraction' ? st.dim(` (${s.origin.extraction})`) : '';
    const [first, ...rest] = renderFinding(result, f, locale, st);
    lines.push(first + origin, ...rest);
  }
  if (result.suppressed.length) {
    lines.push(st.dim(`  ${s.suppressedHeading(result.suppressed.length)}`));
    for (const f of bySeverity(result.suppressed)) {
      lines.push(...renderFinding(result, f, locale, NO_STYLES, f.suppressedReason).map(st.dim));
    }
  }
  return lines;
}

/**
 * Human-readable report of a batch: one block per report, reports with the most
 * severe findings first, findings most severe first, each with its rule id, the
 * cell named by the table's own labels, expected and actual values and the fix.
 */
export function renderText(batch: Batch, options: TextOptions = {}): string {
  const locale = options.locale ?? 'zh-CN';
  const st = options.styles ?? NO_STYLES;
  const rank = (r: CheckedReport) => {
    const w = worstSeverity(r);
    return w === undefined ? 3 : SEVERITY_RANK[w];
  };
  const ordered = batch.results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map((x) => x.r);
  const blocks = ordered.map((r) => renderResult(r, locale, st).join('\n'));
  const sm = batch.summary;
  const summary = strings(locale).summaryLine({
    inputs: sm.inputs,
    checked: sm.checked,
    notFound: sm.notFound,
    failed: sm.failed,
    // Reading notes are counted apart: never the report's errors.
    errors: sm.findings.error,
    warnings: sm.findings.warning,
    infos: sm.findings.info,
    notes: sm.diagnostics.error + sm.diagnostics.warning + sm.diagnostics.info,
    suppressed: sm.suppressed,
  });
  return `${[...blocks, st.bold(summary)].join('\n\n')}\n`;
}
