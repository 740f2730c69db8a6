/**
 * Cell values as printed (spec §6.2, §9.2): blanks, units inside the cell,
 * fullwidth digits, thousands separators, signs. Anything else is not guessed.
 */

import { CELL_UNITS } from '@nianbao/schema';

export type ParsedValue =
  | { kind: 'number'; value: number; raw: string }
  | { kind: 'blank'; raw: string }
  | { kind: 'invalid'; raw: string };

/** What a blank cell is written as: empty, &nbsp;, dashes, a slash, 无. */
const BLANK = /^(?:|[-—–－‐―‒]{1,2}|[/／]|无|無)$/;
/** Units seen inside value cells (`251000元`, `2笔`): the schema's list, so the rule and the reader agree. */
const UNIT = `(?:${CELL_UNITS.map((u) => u.normalize('NFKC')).join('|')})`;
const NUMBER = new RegExp(`^([+-]?)((?:\\d{1,3}(?:,\\d{3})+)|\\d+)(\\.\\d+)?${UNIT}?$`);

/** Fullwidth digits and signs → ASCII; spaces removed. */
export function foldValueText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u00a0\u200b]+/g, '')
    .replace(/[，]/g, ',');
}

export function parseValue(raw: string): ParsedValue {
  const text = foldValueText(raw);
  if (BLANK.test(text)) return { kind: 'blank', raw };
  const m = NUMBER.exec(text);
  if (!m) return { kind: 'invalid', raw };
  const digits = m[2]!.replace(/,/g, '');
  const value = Number(`${m[1] ?? ''}${digits}${m[3] ?? ''}`);
  if (!Number.isFinite(value)) return { kind: 'invalid', raw };
  return { kind: 'number', value: Object.is(value, -0) ? 0 : value, raw };
}

/** True for a token that is a plain run of digits (candidates for a lost-separator split). */
export function isDigitRun(raw: string): boolean {
  return /^\d+$/.test(foldValueText(raw));
}
