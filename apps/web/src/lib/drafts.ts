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
}

export interface DraftSummary {
  id: string;
  updatedAt?: string;
  agencyName?: string;
  reportYear?: number;
  /** The stored text could not be read back as a draft. */
  corrupt?: string;
}

export type LoadedDraft = { ok: true; draft: Draft } | { ok: false; error: string; raw: string };

const PREFIX = 'nianbao.draft.v1.';
const CURRENT = 'nianbao.currentDraft';

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

function browserStorage(): { storage: Storage; persistent: boolean } {
  try {
    const s = globalThis.localStorage;
    const probe = `${PREFIX}probe`;
    s.setItem(probe, '1');
    s.removeItem(probe);
    return { storage: s, persistent: true };
  } catch {
    return { storage: new MemoryStorage(), persistent: false };
  }
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

  constructor(storage?: Storage) {
    if (storage) {
      this.storage = storage;
      this.persistent = true;
    } else {
      ({ storage: this.storage, persistent: this.persistent } = browserStorage());
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
    try {
      this.storage.setItem(PREFIX + draft.id, JSON.stringify(draft));
      return undefined;
    } catch (error) {
      return (error as Error).message || String(error);
    }
  }

  remove(id: string): void {
    this.storage.removeItem(PREFIX + id);
    if (this.currentId() === id) this.storage.removeItem(CURRENT);
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
