import type { Finding, Locale, RuleMeta } from '@nianbao/schema';
import { findingCell, findingFix, reportTitle } from './describe.ts';
import { escapeHtml } from './escape.ts';
import { strings } from './i18n.ts';
import { OFFICIAL_TABLES_CSS, renderOfficialTables } from './official-tables.ts';
import { RULE_DOCS_BASE_URL, ruleHelpUri } from './sarif.ts';
import { bySeverity, countSeverities, splitNotes } from './severity.ts';
import type { Batch, CheckedReport } from './types.ts';

export interface HtmlOptions {
  locale?: Locale;
  /** Shown in the footer, e.g. `nianbao 0.1.0`. */
  generator?: string;
  /** Base of rule links (default `RULE_DOCS_BASE_URL`: the page is mailed around, relative links would break). */
  rulesHref?: string;
  /** The rule catalogue (`ruleCatalogue()`): each rule link then explains the rule on hover, offline. */
  catalogue?: readonly RuleMeta[];
}

/** What every part of the page needs. */
interface PageContext {
  locale: Locale;
  rulesHref: string;
  ruleHelp: Map<string, string>;
}

const PAGE_CSS = `
body{margin:24px;font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;font-size:14px;color:#111;line-height:1.5}
h1{font-size:20px}h2{font-size:17px;margin-top:32px;border-bottom:2px solid #333;padding-bottom:4px}h3{font-size:15px}
.nb-summary,.nb-findings{border-collapse:collapse;width:100%;margin:8px 0 16px}
.nb-summary th,.nb-summary td,.nb-findings th,.nb-findings td{border:1px solid #999;padding:3px 6px;text-align:left;vertical-align:top}
.nb-summary th,.nb-findings th{background:#eee}
.nb-summary td.n{text-align:right}
.sev-error{color:#b00020;font-weight:bold}.sev-warning{color:#8a5a00;font-weight:bold}.sev-info{color:#1f4f8a}
.nb-source{color:#555;word-break:break-all}
.nb-error-box{border:2px solid #b00020;padding:8px}
.nb-report{page-break-before:always}
.nb-report:first-of-type{page-break-before:auto}
footer{margin-top:32px;color:#666;font-size:12px}
@media print{body{margin:0}a{color:inherit;text-decoration:none}}
`.trim();

function status(r: CheckedReport, locale: Locale): string {
  const s = strings(locale).status;
  if (r.error) return s.error;
  if (!r.found) return s.notFound;
  return r.findings.length + r.diagnostics.length ? s.findings : s.ok;
}

function summaryTable(batch: Batch, locale: Locale): string {
  const s = strings(locale);
  const c = s.col;
  const rows = batch.results.map((r, i) => {
    const counts = countSeverities(splitNotes(r).findings);
    return `<tr><td><a href="#r${i}">${escapeHtml(r.agencyName ?? s.unknownAgency)}</a><div class="nb-source">${escapeHtml(r.source)}</div></td><td>${escapeHtml(r.reportYear ?? '')}</td><td>${escapeHtml(r.format ? s.formatName[r.format] : '')}</td><td>${escapeHtml(status(r, locale))}</td><td class="n sev-error">${counts.error}</td><td class="n sev-warning">${counts.warning}</td><td class="n sev-info">${counts.info}</td><td class="n">${r.suppressed.length}</td></tr>`;
  });
  return `<table class="nb-summary"><thead><tr><th>${c.agency} / ${c.source}</th><th>${c.year}</th><th>${c.format}</th><th>${c.status}</th><th>${c.errors}</th><th>${c.warnings}</th><th>${c.infos}</th><th>${c.suppressed}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function findingsTable(
  r: CheckedReport,
  findings: readonly Finding[],
  ctx: PageContext,
  reasons?: string[],
): string {
  const { locale } = ctx;
  const s = strings(locale);
  const c = s.col;
  const rows = findings.map((f, i) => {
    const values = [f.expected, f.actual].some((v) => v !== undefined)
      ? `${f.expected ?? ''} / ${f.actual ?? ''}`
      : '';
    const reason = reasons ? `<div>${escapeHtml(s.reason)}: ${escapeHtml(reasons[i])}</div>` : '';
    return `<tr data-rule="${escapeHtml(f.ruleId)}" data-fingerprint="${escapeHtml(f.fingerprint)}"><td class="sev-${f.severity}">${escapeHtml(s.severity[f.severity])}</td><td><a href="${escapeHtml(ruleHelpUri(f.ruleId, ctx.rulesHref))}" title="${escapeHtml(ctx.ruleHelp.get(f.ruleId) ?? '')}">${escapeHtml(f.ruleId)}</a></td><td>${escapeHtml(findingCell(r.format, f, locale))}</td><td>${escapeHtml(f.message)}${reason}</td><td>${escapeHtml(values)}</td><td>${escapeHtml(findingFix(r.format, f, locale))}</td></tr>`;
  });
  return `<table class="nb-findings"><thead><tr><th>${c.severity}</th><th>${c.rule}</th><th>${c.cell}</th><th>${c.message}</th><th>${c.values}</th><th>${c.fix}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function reportSection(r: CheckedReport, i: number, ctx: PageContext): string {
  const { locale } = ctx;
  const s = strings(locale);
  const parts = [
    `<h2>${escapeHtml(reportTitle(r, locale))}</h2>`,
    `<div class="nb-source">${escapeHtml(r.source)}</div>`,
  ];
  if (r.previousSource) parts.push(`<p>${escapeHtml(s.previous(r.previousSource))}</p>`);
  if (r.error) {
    parts.push(
      `<p class="nb-error-box">${escapeHtml(s.inputError)}: ${escapeHtml(r.error.message)} (${escapeHtml(r.error.code)})</p>`,
    );
  } else {
    if (!r.found) parts.push(`<p class="nb-error-box">${escapeHtml(s.notFound)}</p>`);
    const findings = bySeverity(r.findings);
    const diagnostics = bySeverity(r.diagnostics);
    if (findings.length) {
      parts.push(`<h3>${s.findingsHeading}</h3>`, findingsTable(r, findings, ctx));
    } else if (r.found) {
      parts.push(`<p>${escapeHtml(s.noFindings)}</p>`);
    }
    if (diagnostics.length)
      parts.push(`<h3>${s.diagnosticsHeading}</h3>`, findingsTable(r, diagnostics, ctx));
    if (r.suppressed.length) {
      const sup = bySeverity(r.suppressed);
      parts.push(
        `<h3>${escapeHtml(s.suppressedHeading(sup.length))}</h3>`,
        findingsTable(
          r,
          sup,
          ctx,
          sup.map((f) => f.suppressedReason),
        ),
      );
    }
    if (r.report && r.found) {
      parts.push(
        `<h3>${s.tablesHeading}</h3>`,
        renderOfficialTables(r.report, [...r.findings, ...r.diagnostics], locale, {
          includeStyle: false,
          idPrefix: `r${i}`,
        }),
      );
    }
  }
  return `<section class="nb-report" id="r${i}" data-source="${escapeHtml(r.source)}">${parts.join('\n')}</section>`;
}

/**
 * One self-contained HTML page for a batch (no external assets: styles inline,
 * no scripts): a summary table of every report, then per report its findings
 * and its tables in the official layout with the flagged cells marked. Readable
 * offline; each report starts on a new printed page.
 */
export function renderHtml(batch: Batch, options: HtmlOptions = {}): string {
  const locale = options.locale ?? 'zh-CN';
  const s = strings(locale);
  const sm = batch.summary;
  const ctx: PageContext = {
    locale,
    rulesHref: options.rulesHref ?? RULE_DOCS_BASE_URL,
    ruleHelp: new Map(
      (options.catalogue ?? []).map((m) => [
        m.id,
        `${locale === 'en' ? m.docs.en : m.docs.zh}\n${locale === 'en' ? 'basis' : '依据'}: ${m.basis}`,
      ]),
    ),
  };
  const summaryLine = s.summaryLine({
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
  return `<!doctype html>
<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(s.pageTitle)}</title>
<style>${PAGE_CSS}
${OFFICIAL_TABLES_CSS}</style>
</head>
<body>
<h1>${escapeHtml(s.pageTitle)}</h1>
<p id="nb-summary-line">${escapeHtml(summaryLine)}</p>
<h2>${escapeHtml(s.summaryTable)}</h2>
${summaryTable(batch, locale)}
${batch.results.map((r, i) => reportSection(r, i, ctx)).join('\n')}
<footer>${escapeHtml(s.generatedBy)}${options.generator ? ` ${escapeHtml(options.generator)}` : ''}</footer>
</body>
</html>
`;
}
