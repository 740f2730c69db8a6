/**
 * Exports of the page's findings (JSON, CSV, the self-contained HTML report) by
 * the shared formatters of @nianbao/render, and the hand-over to the web form.
 */
import { encodeHandOver } from '@nianbao/extract/door';
import {
  type Batch,
  type CheckedReport,
  makeBatch,
  renderCsv,
  renderHtml,
  renderJson,
} from '@nianbao/render';
import type { Finding, Locale } from '@nianbao/schema';
import type { NumberedFinding, PageReport, PageState } from '../shared/types.ts';

export type ExportKind = 'json' | 'csv' | 'html';

const MIME: Record<ExportKind, string> = {
  json: 'application/json',
  csv: 'text/csv',
  html: 'text/html',
};

function plainFinding(finding: NumberedFinding): Finding {
  const { number: _n, reportIndex: _r, table: _t, marked: _m, ...rest } = finding;
  return rest;
}

function toChecked(page: PageReport, source: string): CheckedReport {
  const findings = page.findings.map(plainFinding);
  return {
    source,
    format: page.report.format,
    reportYear: page.report.meta?.reportYear ?? null,
    agencyName: page.report.meta?.agencyName ?? null,
    report: page.report,
    findings: findings.filter((f) => f.origin === 'report'),
    diagnostics: findings.filter((f) => f.origin === 'extraction'),
    suppressed: [],
    found: true,
    provenance: page.provenance,
  };
}

/** The page's results as a render batch: one entry per report (or one "not found"). */
export function pageBatch(state: PageState): Batch {
  const source = state.url || state.title;
  const results: CheckedReport[] = state.reports.length
    ? state.reports.map((r, i) =>
        toChecked(r, state.reports.length > 1 ? `${source}#report-${i + 1}` : source),
      )
    : [
        {
          source,
          format: null,
          reportYear: null,
          agencyName: null,
          report: null,
          findings: [],
          diagnostics: state.diagnostics,
          suppressed: [],
          found: false,
        },
      ];
  return makeBatch(results);
}

export function renderExport(state: PageState, kind: ExportKind, locale: Locale): string {
  const batch = pageBatch(state);
  if (kind === 'json') return renderJson(batch);
  if (kind === 'csv') return renderCsv(batch, { locale });
  return renderHtml(batch, { locale, generator: `nianbao extension ${version()}` });
}

export function exportFile(
  state: PageState,
  kind: ExportKind,
  locale: Locale,
): { name: string; blob: Blob } {
  const stem = (state.reports[0]?.report.meta?.agencyName ?? 'nianbao').replace(
    /[\\/:*?"<>|\s]+/g,
    '_',
  );
  const year = state.reports[0]?.report.meta?.reportYear ?? '';
  return {
    name: `${stem}${year ? `-${year}` : ''}-findings.${kind}`,
    blob: new Blob([renderExport(state, kind, locale)], { type: `${MIME[kind]};charset=utf-8` }),
  };
}

function version(): string {
  try {
    return chrome.runtime.getManifest().version;
  } catch {
    return 'dev';
  }
}

/**
 * The web form's address with the report in the hash:
 * `<form>/#import=<base64url of UTF-8 JSON { report, provenance, source }>`.
 * A hash never reaches a server, so the report stays on the machine.
 */
export function formImportUrl(formUrl: string, page: PageReport, source: string): string {
  const url = new URL(formUrl);
  url.hash = encodeHandOver({ report: page.report, provenance: page.provenance, source });
  return url.toString();
}
