import {
  type CellProvenance,
  cellInfo,
  describeCell,
  type Finding,
  type Format,
  fingerprintOf,
  type Locale,
  type Provenance,
} from '@nianbao/schema';
import { fill, type Strings } from '../i18n/strings.ts';
import { parseChineseNumeral } from '../lib/chinese-numerals.ts';
import { parseCellText } from '../lib/numbers.ts';

/**
 * A cell's provenance as the form keeps it: `notANumber` marks text the clerk typed
 * that does not read as a number. The report holds `null` for such a cell (it is
 * no number, not its previous value) and the provenance keeps the text as typed, so
 * the draft, a reload and an undo bring it back with its error.
 */
export type FormCellProvenance = CellProvenance & { notANumber?: true };

/** The form's own finding for a cell that is not a number (no rule of the schema: only the form sees typed text). */
export const NOT_A_NUMBER = 'FORM-NOT-A-NUMBER';

/** Cells of this format whose typed text is not a number, with that text. */
export function typedTexts(
  format: Format,
  provenance: Provenance | undefined,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, cell] of Object.entries(provenance?.cells ?? {})) {
    const c = cell as FormCellProvenance | undefined;
    if (!c?.notANumber || typeof c.raw !== 'string') continue;
    if (!cellInfo(format, path) || parseCellText(c.raw).ok) continue;
    out.set(path, c.raw);
  }
  return out;
}

/** The text typed into a cell when it is not a number, else undefined. */
export function typedTextOf(provenance: Provenance | undefined, path: string): string | undefined {
  const c = provenance?.cells[path] as FormCellProvenance | undefined;
  return c?.notANumber && typeof c.raw === 'string' && !parseCellText(c.raw).ok ? c.raw : undefined;
}

const UNIT = /(万元|元|件|个|项|次)$/;

/** The number a text not read as digits stands for, when it is certainly one (七十一 → 71). */
export function suggestValue(text: string): number | undefined {
  const t = text.normalize('NFKC').replace(/[\s\u00a0\u200b]+/g, '');
  // 万元 is a money unit, not the numeral 万: only count units are stripped before reading.
  return parseChineseNumeral(/万元$/.test(t) ? t : t.replace(UNIT, ''));
}

/**
 * The findings the form shows, given the cells that hold text: each such cell is one
 * error (with "改为 N" when the text is a Chinese numeral), and every finding that
 * read the cell as blank is left out (its sums or its "blank" would be about a
 * value the cell does not have). A finding that only lists the cell among many
 * (blank cells of a table) keeps the others.
 */
export function withTypedCells(
  findings: readonly Finding[],
  typed: ReadonlyMap<string, string>,
  format: Format,
  locale: Locale,
  t: Strings,
): Finding[] {
  if (typed.size === 0) return [...findings];
  const kept: Finding[] = [];
  for (const f of findings) {
    const involved = f.cells.filter((c) => typed.has(c));
    if (involved.length === 0) {
      kept.push(f);
      continue;
    }
    const arithmetic = f.expected !== undefined || f.actual !== undefined || f.fix !== undefined;
    if (arithmetic || f.cells[0] === undefined || typed.has(f.cells[0])) continue;
    const cells = f.cells.filter((c) => !typed.has(c));
    if (cells.length === 0) continue;
    kept.push({ ...f, cells });
  }
  const own: Finding[] = [];
  for (const [path, text] of typed) {
    const value = suggestValue(text);
    const cell = describeCell(format, path, locale);
    own.push({
      ruleId: NOT_A_NUMBER,
      severity: 'error',
      origin: 'report',
      message:
        value === undefined
          ? fill(t.cellNotANumber, { cell, text })
          : fill(t.cellNotANumberNumeral, { cell, text, value }),
      cells: [path],
      ...(value !== undefined && { fix: { cell: path, value } }),
      fingerprint: fingerprintOf(NOT_A_NUMBER, [path]),
      params: { text, ...(value !== undefined && { value }) },
    });
  }
  // Most severe first, as check() orders them: these errors lead.
  return [...own, ...kept];
}
