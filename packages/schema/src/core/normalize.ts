import { T2S_PAIRS } from './t2s-table.ts';

const T2S = new Map<string, string>();
for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) T2S.set(T2S_PAIRS[i]!, T2S_PAIRS[i + 1]!);

/**
 * Traditional → Simplified for the characters that occur in the official labels
 * (spec §9.3: portals behind `gate/big5` gateways serve the report in
 * Traditional script). The table is generated from opencc-js at build time
 * (packages/extract/scripts/gen-t2s.ts) and covers label characters only, so
 * that it stays small enough for the extension; other characters are kept.
 *
 * @example toSimplified('本年新收政府信息公開申請數量') // '本年新收政府信息公开申请数量'
 */
export function toSimplified(text: string): string {
  // One native pass; a text without Traditional characters comes back as it is
  // (appending character by character built a rope per character: megabytes of garbage).
  return text.replace(T2S_CHARS, (ch) => T2S.get(ch)!);
}

const T2S_CHARS = new RegExp(`[${[...T2S.keys()].join('')}]`, 'g');

/**
 * Label normalisation of spec §9.3: labels are compared after this, while the
 * canonical (fullwidth) strings of the templates stay as they are.
 */
export function normalizeLabel(text: string): string {
  // Memoised: the label rules normalise the same few hundred labels on every check,
  // which the form runs on every keystroke.
  let normal = normalized.get(text);
  if (normal === undefined) {
    if (normalized.size >= 10_000) normalized.clear();
    normal = computeNormalLabel(text);
    normalized.set(text, normal);
  }
  return normal;
}

const normalized = new Map<string, string>();

function computeNormalLabel(text: string): string {
  return toSimplified(text)
    .normalize('NFKC') // fullwidth brackets, colons, commas and digits → halfwidth
    .replace(/[\s\u00a0\u3000\u200b]+/g, '') // whitespace and line breaks inside labels
    .replace(/[“”„‟″"]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/^(\d+)[、.．,]/, '$1.') // 1、 / 1． / 1. are the same ordinal
    .replace(/^\(([一二三四五六七八九十]+)\)[、.,]?/, '($1)') // （一）、 is （一）
    .replace(/^([一二三四五六七八九十]+)[.,]/, '$1、');
}
