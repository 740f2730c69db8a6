import type { Batch, CheckedReport } from './types.ts';

/** The stable JSON result of one input (provenance left out: it is large and internal). */
export function resultToJson(result: CheckedReport): Omit<CheckedReport, 'provenance'> {
  const { provenance: _provenance, ...rest } = result;
  return rest;
}

/**
 * `{ results: [...], summary: {...} }`, pretty-printed. Another program reads
 * this: field names and meanings are documented in apps/cli/README.md.
 */
export function renderJson(
  batch: Batch,
  meta: { tool?: { name: string; version: string } } = {},
): string {
  const out = {
    ...(meta.tool ? { tool: meta.tool } : {}),
    results: batch.results.map(resultToJson),
    summary: batch.summary,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
