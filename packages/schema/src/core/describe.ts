import { cellInfo, FORMATS, SECTIONS } from '../templates/index.ts';
import type { Format, Label, Locale, RowTemplate } from '../templates/types.ts';

const TABLE_NAMES: Record<string, Label> = {
  activeDisclosure: { zh: '表二', en: 'table 2' },
  applications: { zh: '表三', en: 'table 3' },
  appeals: { zh: '表四', en: 'table 4' },
};

const META_NAMES: Record<string, Label> = {
  'meta.title': { zh: '标题', en: 'title' },
  'meta.agencyName': { zh: '机关名称', en: 'agency name' },
  'meta.agencyKind': { zh: '机关类别', en: 'agency kind' },
  'meta.reportYear': { zh: '报告年度', en: 'report year' },
  'meta.publishedAt': { zh: '发布日期', en: 'publication date' },
  'meta.sourceUrl': { zh: '来源网址', en: 'source URL' },
  preamble: { zh: '报告开头', en: 'preamble' },
};

const pick = (label: Label, locale: Locale) => (locale === 'en' ? label.en : label.zh);

function rowName(row: RowTemplate, locale: Locale, withTopGroup: boolean): string {
  // The outermost group of table 三 (三、本年度办理结果) is implied by the inner one.
  const groups = withTopGroup ? row.groups : row.groups.slice(1);
  return [...groups, row.label].map((g) => pick(g, locale)).join(locale === 'en' ? ' › ' : ' ');
}

function findRow(format: Format, path: string): { row: RowTemplate; table: string } | undefined {
  const t = FORMATS[format];
  for (const st of t.activeDisclosure.subTables) {
    const row = st.rows.find((r) => r.path === path);
    if (row) return { row, table: 'activeDisclosure' };
  }
  for (const table of [t.applications, t.appeals]) {
    const row = table.rows.find((r) => r.path === path);
    if (row) return { row, table: table.id };
  }
  return undefined;
}

/**
 * Names a cell, row, section or meta field the way the table itself does:
 * `表三「（三）不予公开 1.属于国家秘密」行「自然人」列` /
 * `table 3, row "(3) Not disclosed › 1. State secret", column "Natural persons"`.
 * Unknown paths are returned as they are.
 */
export function describeCell(format: Format, path: string, locale: Locale = 'zh-CN'): string {
  // Pure and asked for the same few hundred paths on every check: memoised.
  const key = `${format}\u0000${locale}\u0000${path}`;
  let text = MEMO.get(key);
  if (text === undefined) {
    text = describeUncached(format, path, locale);
    if (MEMO.size < MAX_MEMO) MEMO.set(key, text);
  }
  return text;
}

const MEMO = new Map<string, string>();
const MAX_MEMO = 10_000;

function describeUncached(format: Format, path: string, locale: Locale): string {
  const info = cellInfo(format, path);
  if (info) {
    const table = pick(TABLE_NAMES[info.table]!, locale);
    const nested = info.table === 'applications' && info.row.groups.length > 1;
    const rowText =
      info.table === 'activeDisclosure' || nested
        ? rowName(info.row, locale, info.table === 'activeDisclosure')
        : rowName(info.row, locale, true);
    const col = pick(info.column.label, locale);
    return locale === 'en'
      ? `${table}, row "${rowText}", column "${col}"`
      : `${table}「${rowText}」行「${col}」列`;
  }
  const found = findRow(format, path);
  if (found) {
    const table = pick(TABLE_NAMES[found.table]!, locale);
    const rowText = rowName(
      found.row,
      locale,
      found.table !== 'applications' || found.row.groups.length <= 1,
    );
    return locale === 'en' ? `${table}, row "${rowText}"` : `${table}「${rowText}」行`;
  }
  const section = /^sections\.(\d)$/.exec(path);
  if (section) {
    const tpl = SECTIONS[Number(section[1]) - 1];
    if (tpl) return locale === 'en' ? `section "${tpl.heading.en}"` : `「${tpl.heading.zh}」部分`;
  }
  if (path in TABLE_NAMES) return pick(TABLE_NAMES[path]!, locale);
  const meta = META_NAMES[path];
  if (meta) return pick(meta, locale);
  return path;
}
