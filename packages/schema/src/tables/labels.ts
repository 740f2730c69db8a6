/**
 * Label comparison for T2-LABELS, T3-LABELS and T4-LABELS (spec §9.3): labels
 * are compared after normalisation, ignoring leading ordinals and explanatory
 * notes a local template adds in brackets (NORM-HEADER-ANNOT), but never an
 * official bracketed part such as （单位：万元）.
 */
import { normalizeLabel as normalizeUncached } from '../core/normalize.ts';
import type { RuleContext } from '../core/types.ts';
import { cellInfo } from '../templates/index.ts';
import { memoByString } from '../text/memo.ts';
import type { TableId } from './shape.ts';

/** Labels repeat on every cell of a column and on every re-check: normalise each once. */
export const normalizeLabel = memoByString(normalizeUncached, 4096);

const LEADING_ORDINAL = /^(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+\.)/;
const GROUP = /\(([^()]*)\)/g;

function parts(label: string): { bare: string; notes: string[] } {
  const text = normalizeLabel(label).replace(LEADING_ORDINAL, '');
  const notes = [...text.matchAll(GROUP)].map((m) => m[1]!);
  return { bare: text.replace(GROUP, ''), notes };
}

/** Whether a label as found stands for the canonical one. */
const matchCache = new Map<string, boolean>();

export function labelMatches(raw: string, canonical: string): boolean {
  const key = `${raw}\u0000${canonical}`;
  let hit = matchCache.get(key);
  if (hit === undefined) {
    hit = compareLabels(raw, canonical);
    if (matchCache.size >= 4096) matchCache.clear();
    matchCache.set(key, hit);
  }
  return hit;
}

function compareLabels(raw: string, canonical: string): boolean {
  if (normalizeLabel(raw) === normalizeLabel(canonical)) return true;
  const found = parts(raw);
  const official = parts(canonical);
  if (found.bare !== official.bare) return false;
  // Every official note must still be there (a note may be extended, e.g. with 保留4位小数).
  return official.notes.every((note) => found.notes.some((n) => n.includes(note)));
}

export interface LabelSeen {
  raw: string;
  canonical: string;
  path: string;
}

function tableOf(path: string, kind?: string): TableId | undefined {
  const head = path.split('.')[0];
  if (head === 'activeDisclosure' || head === 'applications' || head === 'appeals') return head;
  if (kind === 'caption' && /^item\d+$/.test(path)) return 'activeDisclosure';
  return undefined;
}

type LabelsByTable = Record<TableId, LabelSeen[]>;

// Provenance comes from the extractor and does not change while the same
// report is re-checked, so its labels are gathered once per provenance object.
const gathered = new WeakMap<object, { format: string; byTable: LabelsByTable }>();

/** The labels the extractor read for one table, deduplicated, with their canonical text. */
export function labelsOf(ctx: RuleContext, table: TableId): LabelSeen[] {
  const prov = ctx.provenance;
  if (!prov?.cells) return [];
  let entry = gathered.get(prov.cells);
  if (!entry || entry.format !== ctx.format) {
    entry = { format: ctx.format, byTable: gather(ctx) };
    gathered.set(prov.cells, entry);
  }
  return entry.byTable[table];
}

function gather(ctx: RuleContext): LabelsByTable {
  const prov = ctx.provenance!;
  const byTable: LabelsByTable = { activeDisclosure: [], applications: [], appeals: [] };
  const seen = new Set<string>();
  const add = (
    table: TableId,
    raw: string | undefined,
    canonical: string | undefined,
    path: string,
  ) => {
    if (!raw?.trim() || !canonical) return;
    const key = `${canonical}\u0000${raw.trim()}`;
    if (seen.has(key)) return;
    seen.add(key);
    byTable[table].push({ raw: raw.trim(), canonical, path });
  };
  for (const label of prov.labels ?? []) {
    if (label.kind === 'header') continue; // whole-table notes: T3-KOUJI-HEADER
    const table = tableOf(label.path, label.kind);
    if (table) add(table, label.raw, label.canonical, label.path);
  }
  for (const [path, cell] of Object.entries(prov.cells)) {
    const info = cellInfo(ctx.format, path);
    if (!info) continue;
    add(info.table, cell.header, info.column.label.zh, path);
    add(info.table, cell.rowLabel, info.row.label.zh, info.row.path);
  }
  return byTable;
}

/** Flags every label of the table whose wording differs from the official one. */
export function checkLabels(ctx: RuleContext, table: TableId): void {
  for (const label of labelsOf(ctx, table)) {
    if (labelMatches(label.raw, label.canonical)) continue;
    ctx.flag({
      cells: [label.path],
      params: { found: label.raw, label: label.canonical },
      key: label.raw,
    });
  }
}
