import type { Report } from '@nianbao/schema';

/** Agency names as printed vary in spaces and brackets; compare them loosely. */
export function agencyKey(name: string | undefined | null): string | undefined {
  const key = (name ?? '').replace(/[\s\u3000()（）【】「」《》"“”'‘’·.,，、:：-]/g, '');
  return key || undefined;
}

export interface Pairable {
  report: Report | null;
}

/**
 * For each entry, the index of last year's report of the same agency in the batch
 * (same agency name, report year one less), or -1. The first match wins.
 */
export function pairConsecutiveYears(entries: readonly Pairable[]): number[] {
  const byKey = new Map<string, number>();
  entries.forEach((e, i) => {
    const key = agencyKey(e.report?.meta.agencyName);
    const year = e.report?.meta.reportYear;
    if (!key || year === undefined) return;
    const k = `${key}\u0000${year}`;
    if (!byKey.has(k)) byKey.set(k, i);
  });
  return entries.map((e) => {
    const key = agencyKey(e.report?.meta.agencyName);
    const year = e.report?.meta.reportYear;
    if (!key || year === undefined) return -1;
    return byKey.get(`${key}\u0000${year - 1}`) ?? -1;
  });
}
