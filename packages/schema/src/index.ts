/**
 * @nianbao/schema — the report model, the official formats as data and the
 * validation rules for China's 政府信息公开工作年度报告.
 *
 * @example
 * import { check, ReportSchema } from '@nianbao/schema';
 * const report = ReportSchema.parse(json);
 * for (const f of check(report, { locale: 'en' })) console.log(f.ruleId, f.message);
 */
import { runRules } from './core/engine.ts';
import type { CheckOptions, CheckResult, Finding, Rule, RuleMeta } from './core/types.ts';
import type { Report } from './model/report.ts';
import { RULES } from './rules/index.ts';

export { blankReport } from './core/blank.ts';
export { getCell, getPath, setCell } from './core/cells.ts';
export { describeCell } from './core/describe.ts';
export { ENGINE_MESSAGES } from './core/engine-messages.ts';
export { fingerprintOf } from './core/fingerprint.ts';
export { formatMessage } from './core/format-message.ts';
export { normalizeLabel, toSimplified } from './core/normalize.ts';
export { CELL_UNITS } from './core/raw.ts';
export { isReadingNote, type Summary, summarize } from './core/summary.ts';
export type * from './core/types.ts';
export * from './extraction/index.ts';
export * from './model/report.ts';
export { unknownKeys } from './model/strict.ts';
export * from './templates/index.ts';

/** Every rule of the catalogue, in catalogue order. */
export const rules: readonly Rule[] = RULES;

/**
 * Checks a report and returns its findings, most severe first.
 * Never throws on a schema-valid report; runs on partly filled ones.
 */
export function check(report: Report, options: CheckOptions = {}): Finding[] {
  return runRules(RULES, report, options, false).findings;
}

/** Like `check`, and also returns the passes (numbers that matched) for auditing. */
export function checkDetailed(report: Report, options: CheckOptions = {}): CheckResult {
  return runRules(RULES, report, options);
}

/** The rule metadata as plain JSON (what `rules.json` holds). */
export function ruleCatalogue(): RuleMeta[] {
  return RULES.map((r) => structuredClone(r.meta));
}
