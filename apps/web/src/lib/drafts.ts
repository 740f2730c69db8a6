import { type Provenance, type Report, ReportSchema } from '@nianbao/schema';

/** One saved state of the form. */
export interface Draft {
  id: string;
  /** ISO timestamp of the last change. */
  updatedAt: string;
  report: Report;
  provenance?: Provenance;
  /** The format was chosen by hand (or by an import) instead of following the year. */
  formatPinned?: boolean;
  /** Where the report was imported from (a file name or page URL). */
  source?: string;
  /** A blank report nobody has typed into: dropped, not kept, when another report is opened. */
  pristine?: boolean;
  /** This saved version's revision (new on every write), so tabs can tell versions apart. */
  rev?: string;
  /** The revision this version was edited from: what the writing tab had seen. */
  parentRev?: string;
  /** Held aside from the draft with this id when another tab changed that one (a conflict copy). */
  heldFrom?: string;
}

export interface DraftSummary {
  id: string;
  updatedAt?: string;
  agencyName?: string;
  reportYear?: number;
  /** The stored text could not be read back as a draft. */
  corrupt?: string;
  /** A copy held aside from the draft with this id when two tabs edited it. */
  heldFrom?: string;
}

export type LoadedDraft = { ok: true; draft: Draft } | { ok: false; error: string; raw: string };

const PREFIX = 'nianbao.draft.v1.';
const CURRENT = 'nianbao.currentDraft';
const PROBE = 'nianbao.probe';

/** The browser refused a write because its storage is full (each engine names it its own way). */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    code === 1014
  );
}

/** The outcome of one write. */
export type SaveOutcome = { ok: true } | { ok: false; reason: string; quota: boolean };

/** The draft id a storage key belongs to, if it is a draft's key. */
export function draftIdOfKey(key: string | null): string | undefined {
  return key?.startsWith(PREFIX) ? key.slice(PREFIX.length) : undefined;
}

export function newDraftId(): string {
  return typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A Storage that lives as long as the page: used when the browser refuses localStorage. */
class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

/** Whether a small write still fits. */
function probe(s: Storage): SaveOutcome {
  try {
    s.setItem(PROBE, '1');
    s.removeItem(PROBE);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: reasonOf(error), quota: isQuotaError(error) };
  }
}

function reasonOf(error: unknown): string {
  return (error as Error)?.message || String(error);
}

function browserStorage(): { storage: Storage; persistent: boolean; full: boolean } {
  let s: Storage;
  try {
    s = globalThis.localStorage;
    if (!s) throw new Error('no localStorage');
  } catch {
    return { storage: new MemoryStorage(), persistent: false, full: false };
  }
  const probed = probe(s);
  if (probed.ok) return { storage: s, persistent: true, full: false };
  // Full, not refused: the saved drafts are still there to list, open, export and delete.
  if (probed.quota) return { storage: s, persistent: true, full: true };
  return { storage: new MemoryStorage(), persistent: false, full: false };
}

function readDraft(id: string, raw: string): LoadedDraft {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    return { ok: false, error: `JSON: ${(error as Error).message}`, raw };
  }
  if (typeof data !== 'object' || data === null) return { ok: false, error: 'not an object', raw };
  const d = data as Record<string, unknown>;
  const report = ReportSchema.safeParse(d.report);
  if (!report.success) {
    const issue = report.error.issues[0];
    return { ok: false, error: `${issue?.path.join('.') || 'report'}: ${issue?.message}`, raw };
  }
  const draft: Draft = {
    id,
    updatedAt: typeof d.updatedAt === 'string' ? d.updatedAt : new Date(0).toISOString(),
    report: report.data,
  };
  // Provenance is a convenience (raw texts for some rules): a damaged one is dropped, not fatal.
  const prov = d.provenance as { cells?: unknown } | null | undefined;
  if (typeof prov === 'object' && prov !== null && typeof prov.cells === 'object' && prov.cells) {
    draft.provenance = d.provenance as Provenance;
  }
  if (d.formatPinned === true) draft.formatPinned = true;
  if (typeof d.source === 'string') draft.source = d.source;
  if (d.pristine === true) draft.pristine = true;
  if (typeof d.rev === 'string') draft.rev = d.rev;
  if (typeof d.parentRev === 'string') draft.parentRev = d.parentRev;
  if (typeof d.heldFrom === 'string') draft.heldFrom = d.heldFrom;
  return { ok: true, draft };
}

/**
 * Drafts in localStorage: written synchronously on every change, so a crash or
 * a closed tab loses nothing. Several drafts are kept; a draft that cannot be
 * read back is reported (with its raw text, so nothing is thrown away unseen).
 */
export class DraftStore {
  readonly storage: Storage;
  /** False when the browser refuses storage: drafts then last only as long as the page. */
  readonly persistent: boolean;
  /**
   * The storage is full: the saved drafts can be read, but a change cannot be saved until
   * space is freed. Set when the page opens on a full storage and by every refused write.
   */
  full: boolean;

  constructor(storage?: Storage) {
    if (storage) {
      this.storage = storage;
      this.persistent = true;
      const probed = probe(storage);
      this.full = !probed.ok && probed.quota;
    } else {
      ({ storage: this.storage, persistent: this.persistent, full: this.full } = browserStorage());
    }
  }

  list(): DraftSummary[] {
    const out: DraftSummary[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const id = key.slice(PREFIX.length);
      const loaded = readDraft(id, this.storage.getItem(key) ?? '');
      if (!loaded.ok) {
        out.push({ id, corrupt: loaded.error });
        continue;
      }
      const { meta } = loaded.draft.report;
      out.push({
        id,
        updatedAt: loaded.draft.updatedAt,
        ...(meta.agencyName && { agencyName: meta.agencyName }),
        ...(meta.reportYear !== undefined && { reportYear: meta.reportYear }),
        ...(loaded.draft.heldFrom && { heldFrom: loaded.draft.heldFrom }),
      });
    }
    return out.sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
  }

  load(id: string): LoadedDraft | undefined {
    const raw = this.storage.getItem(PREFIX + id);
    return raw === null ? undefined : readDraft(id, raw);
  }

  /** Saves a draft; returns an error message when the browser refuses (storage full). */
  save(draft: Draft): string | undefined {
    const outcome = this.write(draft);
    return outcome.ok ? undefined : outcome.reason;
  }

  /** Saves a draft and says whether it was refused for lack of space. */
  write(draft: Draft): SaveOutcome {
    try {
      this.storage.setItem(PREFIX + draft.id, JSON.stringify(draft));
    } catch (error) {
      const quota = isQuotaError(error);
      if (quota) this.full = true;
      return { ok: false, reason: reasonOf(error), quota };
    }
    // A write that fits may leave no room for the next one: then the storage is full already.
    this.full = !probe(this.storage).ok;
    return { ok: true };
  }

  /** The revision of a stored draft, read without checking the report (undefined: none or unreadable). */
  revOf(id: string): string | undefined {
    const raw = this.storage.getItem(PREFIX + id);
    if (raw === null) return undefined;
    try {
      const rev = (JSON.parse(raw) as { rev?: unknown } | null)?.rev;
      return typeof rev === 'string' ? rev : undefined;
    } catch {
      return undefined;
    }
  }

  /** How many characters a stored draft takes (0 when absent). */
  sizeOf(id: string): number {
    return (this.storage.getItem(PREFIX + id) ?? '').length;
  }

  remove(id: string): void {
    this.storage.removeItem(PREFIX + id);
    if (this.currentId() === id) this.storage.removeItem(CURRENT);
    if (this.full) this.full = !probe(this.storage).ok;
  }

  currentId(): string | undefined {
    return this.storage.getItem(CURRENT) ?? undefined;
  }

  setCurrent(id: string): void {
    try {
      this.storage.setItem(CURRENT, id);
    } catch {
      // Storage full: the draft itself already reported it.
    }
  }
}
