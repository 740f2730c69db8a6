import { FORMAT_2019 } from './format2019.ts';
import { FORMAT_2021 } from './format2021.ts';
import type { ColumnTemplate, Format, FormatTemplate, RowTemplate } from './types.ts';

export {
  APPEAL_COLUMNS,
  APPLICANT_COLUMNS,
  CHINESE_ORDINALS,
  KOUJI_STATEMENT,
  SECTIONS,
} from './shared.ts';
export * from './types.ts';
export { FORMAT_2019, FORMAT_2021 };

export const FORMATS: Record<Format, FormatTemplate> = { '2019': FORMAT_2019, '2021': FORMAT_2021 };

/** The format a report year requires (spec §8): 2019–2020 → 2019 trial format, 2021 on → 2021. */
export function formatForYear(year: number): Format {
  return year <= 2020 ? '2019' : '2021';
}

/** Where a cell path sits in its format's template. */
export interface CellInfo {
  path: string;
  table: 'activeDisclosure' | 'applications' | 'appeals';
  tableNumber: string;
  /** Caption of the sub-table (table 二 only). */
  subTable?: string;
  row: RowTemplate;
  column: ColumnTemplate;
}

const cellIndex = new Map<Format, Map<string, CellInfo>>();

function buildIndex(t: FormatTemplate): Map<string, CellInfo> {
  const index = new Map<string, CellInfo>();
  for (const st of t.activeDisclosure.subTables) {
    for (const row of st.rows) {
      row.cells.forEach((path, i) => {
        index.set(path, {
          path,
          table: 'activeDisclosure',
          tableNumber: '二',
          subTable: st.caption.zh,
          row,
          column: st.columns[i]!,
        });
      });
    }
  }
  for (const table of [t.applications, t.appeals]) {
    for (const row of table.rows) {
      row.cells.forEach((path, i) => {
        index.set(path, {
          path,
          table: table.id,
          tableNumber: table.number,
          row,
          column: table.columns[i]!,
        });
      });
    }
  }
  return index;
}

/** Every numeric cell path of a format, in table order (二, 三, 四). */
export function cellPaths(format: Format): string[] {
  return [...cellIndexOf(format).keys()];
}

export function cellIndexOf(format: Format): Map<string, CellInfo> {
  let index = cellIndex.get(format);
  if (!index) {
    index = buildIndex(FORMATS[format]);
    cellIndex.set(format, index);
  }
  return index;
}

/** Template information for one cell path, or undefined if the path is not a cell of the format. */
export function cellInfo(format: Format, path: string): CellInfo | undefined {
  return cellIndexOf(format).get(path);
}
