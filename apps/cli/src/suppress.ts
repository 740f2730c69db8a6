import { readFile } from 'node:fs/promises';
import type { SuppressedFinding } from '@nianbao/render';
import type { Finding } from '@nianbao/schema';
import { UsageError } from './errors.ts';

export interface Suppression {
  fingerprint: string;
  reason: string;
  /** Limit to inputs whose source contains this text (default: every input). */
  source?: string;
}

/**
 * Reads a suppression file:
 * `{ "suppressions": [{ "fingerprint": "…", "reason": "…", "source"?: "…" }] }`
 * (a bare array is accepted too). Every entry needs a fingerprint and a reason.
 */
export async function readSuppressions(file: string): Promise<Suppression[]> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read suppression file ${file}: ${(error as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { suppressions?: unknown })?.suppressions;
  if (!Array.isArray(list)) {
    throw new UsageError(`${file}: expected { "suppressions": [ { "fingerprint", "reason" } ] }`);
  }
  return list.map((entry, i) => {
    const e = entry as Partial<Suppression>;
    if (typeof e?.fingerprint !== 'string' || !e.fingerprint.trim()) {
      throw new UsageError(`${file}: suppression ${i + 1} has no fingerprint`);
    }
    if (typeof e.reason !== 'string' || !e.reason.trim()) {
      throw new UsageError(`${file}: suppression ${i + 1} (${e.fingerprint}) has no reason`);
    }
    return {
      fingerprint: e.fingerprint.trim(),
      reason: e.reason.trim(),
      ...(e.source ? { source: String(e.source) } : {}),
    };
  });
}

/** Splits findings into the visible ones and the suppressed ones (with their reasons). */
export function applySuppressions(
  source: string,
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
): { visible: Finding[]; suppressed: SuppressedFinding[] } {
  const visible: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of findings) {
    const hit = suppressions.find(
      (s) => s.fingerprint === f.fingerprint && (!s.source || source.includes(s.source)),
    );
    if (hit) suppressed.push({ ...f, suppressedReason: hit.reason });
    else visible.push(f);
  }
  return { visible, suppressed };
}
