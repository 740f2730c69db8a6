import { cellInfo, type Finding, FORMATS, type Format, type Severity } from '@nianbao/schema';

/** What a field shows about the findings that name it first. */
export interface FieldFlag {
  severity: Severity;
  message: string;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const rowStart = new Map<Format, Map<string, string>>();

/** The first cell of each table row, by row path: a finding about a row is shown on it. */
function firstCellOfRow(format: Format, path: string): string | undefined {
  let index = rowStart.get(format);
  if (!index) {
    const t = FORMATS[format];
    const rows = [
      ...t.activeDisclosure.subTables.flatMap((s) => s.rows),
      ...t.applications.rows,
      ...t.appeals.rows,
    ];
    index = new Map(rows.map((r) => [r.path, r.cells[0]!]));
    rowStart.set(format, index);
  }
  return index.get(path);
}

/**
 * Findings by their primary path (`cells[0]`): a cell, a section (`sections.N`),
 * a meta field or a whole table; a finding about a table row is put on the
 * row's first cell. The most severe one sets the marking; every message is listed.
 */
export function flagsByPath(findings: readonly Finding[], format: Format): Map<string, FieldFlag> {
  const flags = new Map<string, FieldFlag>();
  for (const f of findings) {
    const primary = f.cells[0];
    if (!primary) continue;
    const path = cellInfo(format, primary) ? primary : (firstCellOfRow(format, primary) ?? primary);
    const prev = flags.get(path);
    if (!prev) flags.set(path, { severity: f.severity, message: f.message });
    else
      flags.set(path, {
        severity: RANK[f.severity] < RANK[prev.severity] ? f.severity : prev.severity,
        message: `${prev.message}\n${f.message}`,
      });
  }
  return flags;
}

export const SEVERITY_ICON: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

/** React keys for a list whose natural keys may repeat (two findings with one fingerprint). */
export function uniqueKeys<T>(items: readonly T[], keyOf: (item: T) => string): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const key = keyOf(item);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n === 0 ? key : `${key}#${n}`;
  });
}

/**
 * The flags whose path passes `keep`, as the same Map object while they do not
 * change, so that memoised parts of the form skip re-rendering on unrelated edits.
 */
export function stableSubset(
  previous: { map: Map<string, FieldFlag>; signature: string } | undefined,
  flags: Map<string, FieldFlag>,
  keep: (path: string) => boolean,
): { map: Map<string, FieldFlag>; signature: string } {
  const map = new Map([...flags].filter(([path]) => keep(path)));
  const signature = [...map]
    .map(([p, f]) => `${p}\u0002${f.severity}\u0002${f.message}`)
    .join('\u0001');
  return previous && previous.signature === signature ? previous : { map, signature };
}
