import type { Report } from '../model/report.ts';

// Paths are a small fixed set (the template's cells), read many times per check.
const SPLIT_CACHE = new Map<string, string[]>();
const MAX_CACHED_PATHS = 5000;

function keysOf(path: string): string[] {
  let keys = SPLIT_CACHE.get(path);
  if (!keys) {
    keys = path.split('.');
    if (SPLIT_CACHE.size < MAX_CACHED_PATHS) SPLIT_CACHE.set(path, keys);
  }
  return keys;
}

/** Reads a value at a dotted path; undefined when any step is missing. */
export function getPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of keysOf(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A cell's value: a finite number, null (blank) or undefined (absent or not a number). */
export function getCell(report: Report | undefined, path: string): number | null | undefined {
  if (!report) return undefined;
  const value = getPath(report, path);
  if (value === null) return null;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Returns a copy of the report with one cell set, creating missing rows on the way.
 * Used by the form and by `fix` application.
 */
export function setCell<R extends Report>(report: R, path: string, value: number | null): R {
  const copy = structuredClone(report);
  setCellInPlace(copy, path, value);
  return copy;
}

/** Sets a cell in place, creating missing rows on the way. */
export function setCellInPlace(report: Report, path: string, value: number | null): void {
  const keys = path.split('.');
  let node = report as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}
