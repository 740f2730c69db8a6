/**
 * Title, agency, report year, publication date and agency kind (spec §6.5, §8).
 */
import type { AgencyKind, Meta } from '@nianbao/schema';

/** True for a line that reads like the report's title. */
export function isTitleLike(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return (
    t.length >= 8 &&
    t.length <= 80 &&
    /政府信息公开/.test(t) &&
    /年度?报告$/.test(t.replace(/[（(].*[）)]$/, ''))
  );
}

/**
 * True for a line that is the title or a piece of it (portals break a long
 * title over two lines: `平潭综合实验区2019年` / `政府信息公开工作年度报告`).
 */
export function isTitlePart(line: string, title: string | undefined): boolean {
  if (!title) return false;
  const a = line.replace(/[\s#]+/g, '');
  const b = title.replace(/[\s#]+/g, '');
  return a === b || (a.length >= 4 && a.length < b.length && b.includes(a) && !/[。，；]/.test(a));
}

/** Year and agency from a title: `XX2020年政府信息公开工作年度报告` or `2019年XX政府信息公开工作年度报告`. */
export function parseTitle(title: string): { reportYear?: number; agencyName?: string } {
  const t = title.replace(/^[#\s]+/, '').replace(/\s+/g, '');
  const m = /^(.*?)((?:19|20)\d{2})年度?(.*?)政府信息公开(?:工作)?(?:年度)?报告/.exec(t);
  if (!m) return {};
  const reportYear = Number(m[2]);
  const before = m[1]!.replace(/[《“"]/g, '').trim();
  const after = m[3]!.replace(/[》”"]/g, '').trim();
  const agencyName = before || after || undefined;
  return { reportYear, ...(agencyName ? { agencyName } : {}) };
}

/** `dept` | `gov` | `township` | `other` from the agency name (spec §8). */
export function inferAgencyKind(name: string | undefined): AgencyKind | undefined {
  if (!name) return undefined;
  const n = name.replace(/\s+/g, '');
  if (/(?:镇|乡|街道|街道办事处|苏木)(?:人民政府)?$/.test(n)) return 'township';
  if (/(?:局|委员会|委|办公室|办公厅|办|厅|中心|院|署|队|所|站|部|处|会)$/.test(n)) return 'dept';
  if (/人民政府$/.test(n)) return 'gov';
  if (/(?:省|市|县|区|州|盟|旗|自治区|实验区|新区|开发区|管委会)$/.test(n)) return 'gov';
  return 'other';
}

function isoDate(y: string, m: string, d: string): string | undefined {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1990 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31)
    return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date at the start of a string: 2021-01-28, 2021/1/28, 2021年1月28日. */
export function parseDate(text: string): string | undefined {
  const m = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text);
  return m ? isoDate(m[1]!, m[2]!, m[3]!) : undefined;
}

/**
 * Labels that name the publication date. Only these count: a bare 时间/日期,
 * a capture time (采集时间), a clock widget (2025年12月30日 星期二) or a
 * print date say nothing about when the report was published.
 */
export const PUBLICATION_DATE_LABELS = ['公开日期', '发布日期', '发布时间', '公开时间'] as const;
/** The signing date: not the publication date (a report may be signed weeks before it is posted). */
export const SIGNING_DATE_LABELS = ['成文日期', '发文日期', '印发日期'] as const;
/** Labels that name the publishing body in a portal's info table. */
export const PUBLISHER_LABELS = ['发布机构', '发文机关', '发布单位', '公开主体'] as const;

const LABEL_LINE = new RegExp(
  `(?:^|[^\\u4e00-\\u9fff])(?:信息)?(${PUBLICATION_DATE_LABELS.join('|')})\\s*[:：]\\s*(.{8,24})`,
);

/** Today in China (UTC+8), as an ISO date: a date that is today is a clock, not a publication. */
export function chinaToday(now = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A publication date that can be true: not today (a live clock) and not in the future. */
function plausible(date: string | undefined, today: string): string | undefined {
  return date && date < today ? date : undefined;
}

/**
 * The date of a `发布日期：2024-01-17` line (a short `label：value` line, as
 * portals print under the title). Long lines are prose, not labels.
 */
export function dateFromLines(lines: string[], today = chinaToday()): string | undefined {
  for (const line of lines) {
    if (line.length > 120) continue;
    const m = LABEL_LINE.exec(line);
    const date = m ? plausible(parseDate(m[2]!), today) : undefined;
    if (date) return date;
  }
  return undefined;
}

/** Label → value pairs of a portal's info table (索引号 / 发布机构 / 公开日期 …): a label cell beside its value cell. */
export function labelledCells(cells: readonly string[][]): Map<string, string> {
  const out = new Map<string, string>();
  const labels = new Set<string>([
    ...PUBLICATION_DATE_LABELS,
    ...SIGNING_DATE_LABELS,
    ...PUBLISHER_LABELS,
  ]);
  for (const row of cells) {
    for (let i = 0; i < row.length; i++) {
      const label = row[i]!.replace(/[\s:：]/g, '');
      if (!labels.has(label) || out.has(label)) continue;
      const value = row[i + 1]?.trim();
      if (value) out.set(label, value);
    }
  }
  return out;
}

/** The date in a portal URL path: `/202101/t20210128_80589.htm`, `/2021-01/28/`. */
export function dateFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const t = /\/t((?:19|20)\d{2})(\d{2})(\d{2})_/.exec(url);
  if (t) return isoDate(t[1]!, t[2]!, t[3]!);
  const p = /\/((?:19|20)\d{2})-?(\d{2})\/(\d{2})\//.exec(url);
  if (p) return isoDate(p[1]!, p[2]!, p[3]!);
  return undefined;
}

export interface MetaSources {
  title?: string;
  /** `<meta name="PubDate">`. */
  metaDate?: string;
  /** Label → value cells of the page's info table (see `labelledCells`). */
  infoTable?: Map<string, string>;
  pageLines: string[];
  url?: string;
  yearFromText?: number;
  /** Today (UTC+8) for the plausibility of dates; tests set it. */
  today?: string;
}

/** The first publication date of the info table. */
function infoTableDate(cells: Map<string, string> | undefined, today: string): string | undefined {
  for (const label of PUBLICATION_DATE_LABELS) {
    const date = plausible(parseDate(cells?.get(label) ?? ''), today);
    if (date) return date;
  }
  return undefined;
}

export function buildMeta(src: MetaSources): Meta {
  const meta: Meta = {};
  if (src.title) meta.title = src.title.trim();
  const parsed = src.title ? parseTitle(src.title) : {};
  const publisher = PUBLISHER_LABELS.map((l) => src.infoTable?.get(l)).find(Boolean);
  if (parsed.agencyName) meta.agencyName = parsed.agencyName;
  else if (publisher && publisher.length <= 40) meta.agencyName = publisher;
  const year = parsed.reportYear ?? src.yearFromText;
  if (year && year >= 1990 && year <= 2200) meta.reportYear = year;
  const kind = inferAgencyKind(meta.agencyName);
  if (kind) meta.agencyKind = kind;
  // Publication labels only, most reliable first; a signing date (成文日期) is never taken.
  const today = src.today ?? chinaToday();
  const fromMeta = src.metaDate ? plausible(parseDate(src.metaDate), today) : undefined;
  const fromTable = fromMeta ? undefined : infoTableDate(src.infoTable, today);
  const fromPage = fromMeta || fromTable ? undefined : dateFromLines(src.pageLines, today);
  const fromUrl = fromMeta || fromTable || fromPage ? undefined : dateFromUrl(src.url);
  if (fromMeta) {
    meta.publishedAt = fromMeta;
    meta.publishedAtSource = 'meta';
  } else if (fromTable) {
    meta.publishedAt = fromTable;
    meta.publishedAtSource = 'info-table';
  } else if (fromPage) {
    meta.publishedAt = fromPage;
    meta.publishedAtSource = 'page';
  } else if (fromUrl) {
    meta.publishedAt = fromUrl;
    meta.publishedAtSource = 'url';
  }
  if (src.url) meta.sourceUrl = src.url;
  return meta;
}

/** The year of the statistical period stated in the preamble (本报告…统计期限自2020年1月1日…). */
export function yearFromPeriod(text: string): number | undefined {
  const m = /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(text);
  return m ? Number(m[1]) : undefined;
}
