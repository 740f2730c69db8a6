/**
 * Reading notes must not bury findings: a crawler's text whose separators were
 * lost gives one EXTRACT-SPLIT-INFERRED per row (≈25); they become one note per
 * table, listing the rows and naming every cell.
 */
import { extractionFinding, type Finding, type Locale } from '@nianbao/schema';

const GROUPED = 'EXTRACT-SPLIT-INFERRED';
const TABLE_NAMES: Record<string, { zh: string; en: string }> = {
  activeDisclosure: { zh: '表二', en: 'table 二' },
  applications: { zh: '表三', en: 'table 三' },
  appeals: { zh: '表四', en: 'table 四' },
};

export function groupReadingNotes(diagnostics: Finding[], locale: Locale): Finding[] {
  const byTable = new Map<string, Finding[]>();
  for (const d of diagnostics) {
    if (d.ruleId !== GROUPED) continue;
    const table = d.cells[0]?.split('.')[0] ?? '';
    byTable.set(table, [...(byTable.get(table) ?? []), d]);
  }
  const merged = new Map<Finding, Finding | null>();
  for (const [table, notes] of byTable) {
    if (notes.length < 2) continue;
    const name = TABLE_NAMES[table] ?? { zh: table, en: table };
    const rows = notes.map((n) => String(n.params?.label ?? '')).filter(Boolean);
    const one = extractionFinding(
      GROUPED,
      {
        messageId: 'grouped',
        cells: [...new Set(notes.flatMap((n) => n.cells))],
        params: {
          table: locale === 'en' ? name.en : name.zh,
          count: notes.length,
          rows: rows.join(locale === 'en' ? '; ' : '；'),
        },
        key: `grouped:${table}`,
      },
      locale,
    );
    for (const [i, n] of notes.entries()) merged.set(n, i === 0 ? one : null);
  }
  if (merged.size === 0) return diagnostics;
  const out: Finding[] = [];
  for (const d of diagnostics) {
    if (!merged.has(d)) out.push(d);
    else if (merged.get(d)) out.push(merged.get(d)!);
  }
  return out;
}
