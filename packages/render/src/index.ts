/**
 * @nianbao/render — formatters for the results of `check()`: text, JSON, CSV,
 * SARIF 2.1.0 and one self-contained HTML page, plus the official-layout table
 * renderer shared by the CLI, the extension's export and the web form's CMS
 * fragment. Environment-agnostic: no Node APIs.
 *
 * @example
 * import { makeBatch, renderText, renderOfficialTables } from '@nianbao/render';
 * const batch = makeBatch([{ source: 'a.html', ...result }]);
 * process.stdout.write(renderText(batch, { locale: 'zh-CN' }));
 */
export { CSV_COLUMNS, renderCsv } from './csv.ts';
export { findingCell, findingFix, reportTitle } from './describe.ts';
export { escapeHtml } from './escape.ts';
export { type HtmlOptions, renderHtml } from './html.ts';
export { strings } from './i18n.ts';
export { renderJson, resultToJson } from './json.ts';
export {
  flaggedCells,
  OFFICIAL_TABLES_CSS,
  type OfficialTablesOptions,
  renderOfficialTables,
} from './official-tables.ts';
export { RULE_DOCS_BASE_URL, renderSarif, ruleHelpUri, type SarifOptions } from './sarif.ts';
export {
  bySeverity,
  countSeverities,
  makeBatch,
  SEVERITY_RANK,
  splitNotes,
  summarize,
  worstSeverity,
} from './severity.ts';
export { NO_STYLES, renderText, type TextOptions, type TextStyles } from './text.ts';
export type * from './types.ts';
