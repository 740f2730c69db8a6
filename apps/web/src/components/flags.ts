import type { Finding, Severity } from '@nianbao/schema';

/** What a field shows about the findings that name it first. */
export interface FieldFlag {
  severity: Severity;
  message: string;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Findings by their primary path (`cells[0]`): a cell, a row, a section
 * (`sections.N`), a meta field or a whole table. The most severe one sets the
 * marking; every message is listed.
 */
export function flagsByPath(findings: readonly Finding[]): Map<string, FieldFlag> {
  const flags = new Map<string, FieldFlag>();
  for (const f of findings) {
    const path = f.cells[0];
    if (!path) continue;
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
