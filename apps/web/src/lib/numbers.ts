/**
 * What a clerk types or pastes into a count cell, read as the model's value.
 * Blank markers (empty, -, —, /, 无) are a blank cell (null), not 0: the model
 * keeps them apart and CELL-BLANK reports them.
 */
export type ParsedCell = { ok: true; value: number | null } | { ok: false };

const BLANK = new Set(['', '-', '—', '－', '–', '/', '无', '/']);
const UNIT = /(万元|元|件|个|项|次)$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function parseCellText(text: string): ParsedCell {
  // NFKC turns fullwidth digits, signs and points into ASCII (１２３ → 123).
  let t = text.normalize('NFKC').replace(/[\s\u00a0\u200b]+/g, '');
  if (BLANK.has(t)) return { ok: true, value: null };
  t = t.replace(UNIT, '');
  // Thousands separators, only where they really separate groups of three.
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) t = t.replace(/,/g, '');
  if (!NUMBER.test(t)) return { ok: false };
  const value = Number(t);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

/** How a value is shown in its input. */
export function formatCellValue(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
