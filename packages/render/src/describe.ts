import { describeCell, type Finding, type Format, type Locale } from '@nianbao/schema';
import { strings } from './i18n.ts';
import type { CheckedReport } from './types.ts';

/** The primary cell of a finding named by the table's own labels ('' when the finding names no cell). */
export function findingCell(format: Format | null, finding: Finding, locale: Locale): string {
  const path = finding.cells[0];
  if (!path) return '';
  return format ? describeCell(format, path, locale) : path;
}

/** The fix of a finding as a sentence, with the cell named by its labels. */
export function findingFix(format: Format | null, finding: Finding, locale: Locale): string {
  const fixes = finding.fix ? [finding.fix] : (finding.fixes ?? []);
  const name = (cell: string) => (format ? describeCell(format, cell, locale) : cell);
  // A pair of fixes is one piece of advice: both changes together.
  return fixes
    .map((f, i) => {
      const text = strings(locale).fix(name(f.cell), f.value);
      return i === 0 ? text : text.replace(/^修正：/, '并').replace(/^fix: /, 'and ');
    })
    .join(locale === 'en' ? ' ' : '，');
}

/** "嵩县公安局 · 2020 年度 · 2019 试行格式" */
export function reportTitle(result: CheckedReport, locale: Locale): string {
  const s = strings(locale);
  const parts = [
    result.agencyName ?? s.unknownAgency,
    result.reportYear != null ? s.year(result.reportYear) : s.unknownYear,
  ];
  if (result.format) parts.push(s.formatName[result.format]);
  return parts.join(' · ');
}
