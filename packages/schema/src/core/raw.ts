/**
 * Reading the raw text of a cell as the extractor found it (spec §9.2): blanks
 * written as `-` or `无`, units inside the cell, thousands separators,
 * fullwidth digits and the decimals actually written (`1511` vs `1511.0000`).
 */

/** Texts that stand for an empty cell (spec §6.2 CELL-BLANK). */
const BLANK_TEXT = /^(?:|-|－|—|–|―|\/|／|无|無|空|&nbsp;)$/;

/** Strips whitespace, NBSP, ideographic spaces and zero-width characters. */
function squeeze(raw: string): string {
  return raw.replace(/&nbsp;/gi, '').replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
}

/** Whether a cell's raw text is one of the ways portals write an empty cell. */
export function isBlankRaw(raw: string | undefined): boolean {
  if (raw === undefined) return false;
  return BLANK_TEXT.test(squeeze(raw));
}

/**
 * Units seen inside numeric cells (spec §6.2 CELL-UNIT-IN-CELL: `251000元`; the
 * corpus also has `2笔`). A unit that ends another comes after it (万元 before 元,
 * 人次 before 次). The extractor reads values with the same list.
 */
export const CELL_UNITS = [
  '万元',
  '元',
  '人次',
  '笔',
  '件',
  '个',
  '项',
  '条',
  '次',
  '宗',
  '%',
  '％',
] as const;

export interface RawNumber {
  /** The number as written, after normalisation; undefined when the text holds none. */
  value?: number;
  /** Digits written after the decimal point (0 for `1511`, 4 for `1511.0000`). */
  decimals: number;
  /** A unit written in the cell, e.g. `元` in `251000元`. */
  unit?: string;
  /** `1,511` or `1，511`: digit groups separated by commas. */
  thousands: boolean;
  /** `１５１１`: fullwidth digits. */
  fullwidth: boolean;
}

/**
 * Parses a raw cell text the way the extractor should have, and says what it
 * had to normalise. Never throws.
 */
const PLAIN_NUMBER = /^\s*-?\d+(?:\.(\d+))?\s*$/;

export function parseRawNumber(raw: string): RawNumber {
  // Fast path: most cells are plain digits (the form re-checks on every keystroke).
  const plain = PLAIN_NUMBER.exec(raw);
  if (plain) {
    return {
      value: Number(raw),
      decimals: plain[1]?.length ?? 0,
      thousands: false,
      fullwidth: false,
    };
  }
  const text = squeeze(raw);
  const fullwidth = /[０-９．]/.test(text);
  const half = text.normalize('NFKC');
  const thousands = /\d{1,3}(?:[,，]\d{3})+(?!\d)/.test(half);
  const unit = CELL_UNITS.find((u) => half.includes(u.normalize('NFKC')));
  const match = /[-+－]?\d+(?:[,，]\d{3})*(?:\.(\d+))?/.exec(half);
  if (!match) return { decimals: 0, thousands, fullwidth, ...(unit && { unit }) };
  const value = Number(match[0].replace(/[,，]/g, '').replace('－', '-'));
  return {
    ...(Number.isFinite(value) && { value }),
    decimals: match[1]?.length ?? 0,
    thousands,
    fullwidth,
    ...(unit && { unit }),
  };
}

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * The number of decimals a header demands (`保留4位小数`, `保留两位小数`,
 * `精确到小数点后2位`), or undefined when it prints no such rule.
 */
export function declaredDecimals(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const text = squeeze(header).normalize('NFKC');
  const m =
    /保留(\d+|[零〇一二两三四五六七八九])位小数/.exec(text) ??
    /小数点后(\d+|[零〇一二两三四五六七八九])位/.exec(text);
  if (!m) return undefined;
  const n = m[1]!;
  return /^\d+$/.test(n) ? Number(n) : CHINESE_DIGITS[n];
}

/** `万元` or `元` as declared by a header (`单位：万元`, `（万元）`), or undefined. */
export function declaredUnit(text: string | undefined): '万元' | '元' | undefined {
  if (!text) return undefined;
  const t = squeeze(text);
  if (t.includes('万元')) return '万元';
  if (/元/.test(t)) return '元';
  return undefined;
}

/** Digits after the decimal point of a JS number (`1.5` → 1), capped at 20. */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const text = value.toString();
  const exp = /e-(\d+)$/.exec(text);
  if (exp) {
    const mantissa = text.split('e')[0]!;
    return Math.min(20, Number(exp[1]) + (mantissa.split('.')[1]?.length ?? 0));
  }
  return text.split('.')[1]?.length ?? 0;
}
