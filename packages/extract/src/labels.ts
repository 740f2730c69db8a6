/**
 * Matching what a page prints against the template labels (spec §9.3). The
 * labels themselves come from @nianbao/schema's templates; this module only
 * knows how real pages vary them.
 */
import {
  FORMATS,
  type Format,
  type FormatTemplate,
  normalizeLabel,
  type RowTemplate,
  type SubTableTemplate,
} from '@nianbao/schema';

/** Leading ordinals of row labels: 一、 （一） (一) 1. 1、 */
const ORDINAL = /^(?:\(?[一二三四五六七八九十]+\)[、.]?|[一二三四五六七八九十]+、|\d+\.)/;

/** The label without its leading ordinal. */
export function coreOf(normalized: string): string {
  return normalized.replace(ORDINAL, '');
}

/**
 * Strips explanatory notes in parentheses that provincial templates add
 * (`NORM-HEADER-ANNOT`: `上一年项目数量（指2019年事项数）`), but never the
 * official parentheticals, which are part of the template label.
 */
export function stripAnnotation(normalized: string): string {
  return normalized.replace(/\([^()]*\)$/, '');
}

/**
 * "Loose" form used to find labels in running text: Traditional → Simplified,
 * fullwidth → halfwidth, then only Han characters, letters and digits kept.
 */
export function looseOf(text: string): string {
  if (text.length > 200) return computeLoose(text);
  let loose = looseCache.get(text);
  if (loose === undefined) {
    // Labels repeat on every page: remember them (bounded, hostile pages cannot grow it forever).
    if (looseCache.size > 20_000) looseCache.clear();
    loose = computeLoose(text);
    looseCache.set(text, loose);
  }
  return loose;
}

const looseCache = new Map<string, string>();

function computeLoose(text: string): string {
  return normalizeLabel(text)
    .replace(/钩稽/g, '勾稽')
    .replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');
}

/** Known wording variants of row labels, mapped to the canonical label (spec §9.3, corpus). */
const ROW_VARIANTS: Record<string, string[]> = {
  行政规范性文件: ['规范性文件'],
  规范性文件: ['行政规范性文件'],
};

export interface RowMatch {
  row: RowTemplate;
  /** The sub-table of table 二, when the row belongs to it. */
  subTable?: SubTableTemplate;
  table: 'activeDisclosure' | 'applications';
  exact: boolean;
}

interface IndexedRow {
  match: Omit<RowMatch, 'exact'>;
  full: string;
  core: string;
  annotated: string;
}

const indexCache = new Map<Format, IndexedRow[]>();

function rowIndex(format: Format): IndexedRow[] {
  let index = indexCache.get(format);
  if (index) return index;
  const t: FormatTemplate = FORMATS[format];
  index = [];
  for (const subTable of t.activeDisclosure.subTables) {
    for (const row of subTable.rows) {
      const full = normalizeLabel(row.label.zh);
      index.push({
        match: { row, subTable, table: 'activeDisclosure' },
        full,
        core: coreOf(full),
        annotated: stripAnnotation(coreOf(full)),
      });
    }
  }
  for (const row of t.applications.rows) {
    const full = normalizeLabel(row.label.zh);
    index.push({
      match: { row, table: 'applications' },
      full,
      core: coreOf(full),
      annotated: stripAnnotation(coreOf(full)),
    });
  }
  indexCache.set(format, index);
  return index;
}

const matchCache = new Map<string, RowMatch | null>();

/** Finds the template row a printed row label stands for, or undefined. */
export function matchRowLabel(raw: string, format: Format): RowMatch | undefined {
  const key = `${format}\u0000${raw}`;
  const cached = matchCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const match = computeRowMatch(raw, format);
  if (matchCache.size > 20_000) matchCache.clear();
  if (raw.length <= 200) matchCache.set(key, match ?? null);
  return match;
}

function computeRowMatch(raw: string, format: Format): RowMatch | undefined {
  const n = normalizeLabel(raw).replace(/,/g, '、');
  if (!n) return undefined;
  const index = rowIndex(format);
  const exact = index.find((r) => r.full === normalizeLabel(raw));
  if (exact) return { ...exact.match, exact: true };
  const core = coreOf(n);
  const byCore = index.find(
    (r) => r.core.replace(/,/g, '、') === core || r.annotated.replace(/,/g, '、') === core,
  );
  if (byCore) return { ...byCore.match, exact: false };
  const stripped = stripAnnotation(core);
  const byStripped = index.find((r) => r.core === stripped || r.annotated === stripped);
  if (byStripped) return { ...byStripped.match, exact: false };
  for (const r of index) {
    const variants = ROW_VARIANTS[r.core];
    if (variants?.includes(core)) {
      // Only when the format has no row of that exact wording.
      if (!index.some((x) => x.core === core)) return { ...r.match, exact: false };
    }
  }
  // A longer printed label that contains the whole core (e.g. a trailing note).
  const contained = index
    .filter((r) => r.core.length >= 4 && core.startsWith(r.core))
    .sort((a, b) => b.core.length - a.core.length)[0];
  if (contained) return { ...contained.match, exact: false };
  return undefined;
}

/** The sub-table of table 二 whose caption this is (`第二十条第（一）项`, `第二十条第(一)项`, `第二十条第一项`). */
export function matchCaption(raw: string, format: Format): SubTableTemplate | undefined {
  const loose = looseOf(raw);
  if (loose.length > 20) return undefined;
  return FORMATS[format].activeDisclosure.subTables.find((st) => looseOf(st.caption.zh) === loose);
}

/** Any caption of either format: used before the format is known. */
export function isCaption(raw: string): boolean {
  return /^第二十条第\(?[一二三四五六七八九十]+\)?项$/.test(normalizeLabel(raw));
}

/** The 勾稽 statement of table 三 (also spelled 钩稽). */
export function isKoujiStatement(raw: string): boolean {
  const loose = looseOf(raw);
  return loose.includes('勾稽关系') || (loose.includes('第一项加第二项') && loose.length < 60);
}

/** Header labels of tables 三 and 四, used to recognise header rows. */
const T3_HEADER_WORDS = new Set(
  [
    '申请人情况',
    '自然人',
    '法人或其他组织',
    '商业企业',
    '科研机构',
    '社会公益组织',
    '法律服务机构',
    '其他',
    '总计',
    '小计',
    '法人或其他组织小计',
    '其他组织',
  ].map(looseOf),
);
const T4_HEADER_WORDS = new Set(
  [
    '行政复议',
    '行政诉讼',
    '结果维持',
    '结果纠正',
    '其他结果',
    '尚未审结',
    '总计',
    '未经复议直接起诉',
    '复议后起诉',
  ].map(looseOf),
);

export function isT3HeaderWord(raw: string): boolean {
  return T3_HEADER_WORDS.has(looseOf(raw));
}
export function isT4HeaderWord(raw: string): boolean {
  return T4_HEADER_WORDS.has(looseOf(raw));
}

/** Signature labels of each format (spec §4), in loose form. */
export function signatureLabels(format: Format): { label: string; loose: string }[] {
  return FORMATS[format].signatureLabels.map((label) => ({ label, loose: looseOf(label) }));
}
