import {
  blankReport,
  cellPaths,
  type Format,
  getCell,
  getPath,
  type Report,
} from '@nianbao/schema';

const OTHER_2019 = 'applications.results.other';
const OTHER_2021 = ['overdueCorrection', 'unpaidFee', 'other'].map((k) => `${OTHER_2019}.${k}`);
const TABLES = ['activeDisclosure', 'applications', 'appeals'] as const;

/** Writes a cell in place, creating the rows on the way (the report is a fresh copy). */
export function writeCell(report: Report, path: string, value: number | null): void {
  const keys = path.split('.');
  let node = report as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/**
 * The same report in another format: meta, sections, table 三 and table 四 carry
 * over; （六）其他处理 becomes 3.其他 (2019 → 2021) or the sum of its three rows
 * (2021 → 2019); table 二, whose rows differ, is taken from `stash` (the report
 * as it last was in the target format, so switching back and forth loses
 * nothing) or starts blank. A table that was absent stays absent.
 */
export function convertReport(report: Report, to: Format, stash?: Report): Report {
  if (report.format === to) return report;
  const out = blankReport(to);
  out.meta = structuredClone(report.meta);
  out.sections = structuredClone(report.sections);
  if (report.preamble !== undefined) out.preamble = report.preamble;
  const source = (path: string): number | null | undefined => {
    if (path.startsWith('activeDisclosure.')) return getCell(stash, path);
    if (to === '2021' && path.startsWith(`${OTHER_2019}.other.`)) {
      return getCell(report, `${OTHER_2019}.${path.slice(`${OTHER_2019}.other.`.length)}`);
    }
    if (to === '2019' && path.startsWith(`${OTHER_2019}.`)) {
      const column = path.slice(OTHER_2019.length + 1);
      const parts = OTHER_2021.map((row) => getCell(report, `${row}.${column}`));
      if (parts.every((v) => v === undefined)) return undefined;
      if (parts.every((v) => v === null || v === undefined)) return null;
      return parts.reduce<number>((s, v) => s + (v ?? 0), 0);
    }
    return getCell(report, path);
  };
  for (const path of cellPaths(to)) {
    const value = source(path);
    if (value !== undefined) writeCell(out, path, value);
  }
  for (const table of TABLES) {
    const present =
      getPath(report, table) !== undefined ||
      (table === 'activeDisclosure' && getPath(stash, table) !== undefined);
    if (!present) delete (out as Partial<Report>)[table];
  }
  return out;
}
