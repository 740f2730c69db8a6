import type { Draft, DraftStore, SaveOutcome } from './drafts.ts';
import { newDraftId } from './drafts.ts';

/**
 * Two tabs on one draft. Every write of a draft carries a new revision and the
 * revision it was edited from; a tab remembers the version it last saw of each
 * draft (loaded or written). A tab writes only over the version it saw: when the
 * stored one is another tab's, it does not write but reports it, so nothing is
 * overwritten unasked, even when a `storage` event comes late or not at all.
 */

/** What a tab last saw of a draft: its revision and content. */
export interface Seen {
  rev?: string;
  content: string;
  heldFrom?: string;
}

/** Another tab's version of the draft open here, compared with this tab's. */
export type Incoming =
  /** The same content: nothing to ask. */
  | { kind: 'same'; theirs: Draft }
  /** Edited from the version this tab saw, and nothing here is unsaved: loading it loses nothing. */
  | { kind: 'newer'; theirs: Draft }
  /** Both tabs changed it (or this tab's saved version was overwritten unseen): ask which to keep. */
  | { kind: 'conflict'; theirs: Draft };

export type SyncSave =
  | { kind: 'saved'; draft: Draft }
  /** Nothing new to write. */
  | { kind: 'unchanged' }
  | { kind: 'failed'; reason: string; quota: boolean }
  /** Another tab's version is stored: nothing was written. */
  | { kind: 'incoming'; incoming: Incoming };

/** JSON with object keys sorted: the same report reads the same whatever order its keys came in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v as object)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

/** What a draft holds for the user: the report (the rest follows from it). */
export function contentKey(draft: Pick<Draft, 'report'>): string {
  return stableJson(draft.report);
}

/** Is the stored version the one this tab saw? */
function isSeen(stored: Draft, seen: Seen | undefined): boolean {
  if (!seen) return false;
  if (stored.rev !== undefined || seen.rev !== undefined) return stored.rev === seen.rev;
  return contentKey(stored) === seen.content; // written before revisions: compare contents
}

/** Classifies another tab's version of the draft this tab shows as `mine`. */
export function classifyIncoming(seen: Seen | undefined, mine: Draft, theirs: Draft): Incoming {
  if (contentKey(theirs) === contentKey(mine)) return { kind: 'same', theirs };
  const unsaved = !seen || contentKey(mine) !== seen.content;
  if (!unsaved && seen && theirs.parentRev === seen.rev) return { kind: 'newer', theirs };
  return { kind: 'conflict', theirs };
}

export class DraftSync {
  private seen = new Map<string, Seen>();

  constructor(readonly store: DraftStore) {}

  /** This tab now shows `draft` as it is stored (or as new). */
  adopt(draft: Draft): void {
    this.seen.set(draft.id, {
      ...(draft.rev !== undefined && { rev: draft.rev }),
      content: contentKey(draft),
      ...(draft.heldFrom && { heldFrom: draft.heldFrom }),
    });
  }

  /** `mine` holds changes that are not in the version this tab last saw. */
  hasUnsaved(mine: Draft): boolean {
    const seen = this.seen.get(mine.id);
    return !seen || seen.content !== contentKey(mine);
  }

  /** Another tab's stored version of `mine`'s draft, if it differs from what this tab saw. */
  incoming(mine: Draft): Incoming | undefined {
    const loaded = this.store.load(mine.id);
    if (!loaded?.ok) return undefined;
    const seen = this.seen.get(mine.id);
    if (isSeen(loaded.draft, seen)) return undefined;
    return classifyIncoming(seen, mine, loaded.draft);
  }

  /**
   * Saves `mine` over the version this tab saw. When another tab's version is stored
   * instead, nothing is written and it is returned (`force`: write over it, the user chose).
   */
  save(mine: Draft, { force = false }: { force?: boolean } = {}): SyncSave {
    const seen = this.seen.get(mine.id);
    // The usual case, cheaply: the stored version is the one this tab wrote or loaded.
    if (!force && seen?.rev !== undefined && this.store.revOf(mine.id) === seen.rev) {
      return seen.content === contentKey(mine) ? { kind: 'unchanged' } : this.write(mine, seen.rev);
    }
    const loaded = this.store.load(mine.id);
    const stored = loaded?.ok ? loaded.draft : undefined;
    if (stored && !force && !isSeen(stored, seen)) {
      const incoming = classifyIncoming(seen, mine, stored);
      if (incoming.kind === 'same') {
        this.adopt(stored);
        return { kind: 'unchanged' };
      }
      return { kind: 'incoming', incoming };
    }
    if (stored && !force && seen?.content === contentKey(mine)) return { kind: 'unchanged' };
    return this.write(mine, force ? stored?.rev : seen?.rev);
  }

  /** Writes `mine` as a new revision edited from `parentRev`. */
  private write(mine: Draft, parentRev: string | undefined): SyncSave {
    const { rev: _rev, parentRev: _parent, ...rest } = mine;
    const heldFrom = mine.heldFrom ?? this.seen.get(mine.id)?.heldFrom;
    const draft: Draft = {
      ...rest,
      rev: newDraftId(),
      ...(parentRev !== undefined && { parentRev }),
      ...(heldFrom && { heldFrom }),
    };
    const outcome: SaveOutcome = this.store.write(draft);
    if (!outcome.ok) return { kind: 'failed', reason: outcome.reason, quota: outcome.quota };
    this.adopt(draft);
    return { kind: 'saved', draft };
  }

  /** Keeps `mine` aside, under `copyId`, as a copy of its draft: written at once, never lost. */
  hold(mine: Draft, copyId: string): SyncSave {
    return this.save({ ...mine, id: copyId, heldFrom: mine.id });
  }

  /** Forgets what was seen of a draft (deleted). */
  forget(id: string): void {
    this.seen.delete(id);
  }
}
