/**
 * Turns a corpus `values.json` (values read by hand from the page) into the
 * expected value of every cell path, using the template labels.
 */
import { FORMATS, type Format, normalizeLabel } from '@nianbao/schema';
import { parseValue } from '../src/values.ts';

export interface CorpusValues {
  format: Format;
  reportYear: number;
  agencyName: string;
  publishedAt: string;
  applications: Record<string, (number | null)[]>;
  appeals: (number | null)[] | null;
  activeDisclosure: Record<string, (number | string | null)[]>;
}

export interface ExpectedCell {
  path: string;
  value: number | null;
  /** The raw text when the page prints more than the number (`251000元`). */
  raw?: string;
}

export function expectedCells(v: CorpusValues): ExpectedCell[] {
  const t = FORMATS[v.format];
  const out: ExpectedCell[] = [];
  for (const [label, values] of Object.entries(v.applications)) {
    const row = t.applications.rows.find(
      (r) => normalizeLabel(r.label.zh) === normalizeLabel(label),
    );
    if (!row) throw new Error(`values.json row not in the template: ${label}`);
    for (const [i, path] of row.cells.entries()) out.push({ path, value: values[i] ?? null });
  }
  if (v.appeals) {
    const paths = t.appeals.rows.flatMap((r) => r.cells);
    for (const [i, path] of paths.entries()) out.push({ path, value: v.appeals[i] ?? null });
  }
  for (const [key, values] of Object.entries(v.activeDisclosure)) {
    const [caption, label] = key.split('/');
    const st = t.activeDisclosure.subTables.find(
      (s) => normalizeLabel(s.caption.zh) === normalizeLabel(caption!),
    );
    // pt-shs-2023 prints the 2021 row 行政规范性文件 as 规范性文件 (a wording variant).
    const wanted = v.format === '2021' && label === '规范性文件' ? '行政规范性文件' : label!;
    const row = st?.rows.find((r) => normalizeLabel(r.label.zh) === normalizeLabel(wanted));
    if (!row) throw new Error(`values.json row not in the template: ${key}`);
    row.cells.forEach((path, i) => {
      const value = values[i];
      if (typeof value === 'string') {
        const parsed = parseValue(value);
        out.push({ path, value: parsed.kind === 'number' ? parsed.value : null, raw: value });
      } else out.push({ path, value: value ?? null });
    });
  }
  return out;
}
