import type { ReportPayload } from '@nianbao/extract/door';
import { decodeHandOver, hasHandOver } from '@nianbao/extract/door';
import type { Draft, DraftStore } from '../lib/drafts.ts';
import { newDraftId } from '../lib/drafts.ts';
import { newReport } from './form.ts';

/** Something to tell the user once the page is up. */
export type BootNotice =
  | { kind: 'corrupt'; reason: string }
  | { kind: 'hash-imported'; source: string }
  | { kind: 'hash-failed'; reason: string }
  /** The open draft was saved by another tab of the form. */
  | { kind: 'other-tab'; id: string };

export function blankDraft(): Draft {
  return {
    id: newDraftId(),
    updatedAt: new Date().toISOString(),
    report: newReport(),
    pristine: true,
  };
}

export function draftFromPayload(payload: ReportPayload): Draft {
  return {
    id: newDraftId(),
    updatedAt: new Date().toISOString(),
    report: payload.report,
    ...(payload.provenance && { provenance: payload.provenance }),
    ...(payload.source && { source: payload.source }),
  };
}

/**
 * The draft the page opens with: a report handed over in `#import=` (as a new
 * draft, so the current one is kept), else the current draft, else the newest
 * readable one, else a blank report. A damaged current draft is reported, never
 * a blank page.
 */
export function bootDraft(store: DraftStore, hash: string): { draft: Draft; notice?: BootNotice } {
  if (hasHandOver(hash)) {
    const decoded = decodeHandOver(hash);
    if (decoded.ok) {
      // A blank draft nobody typed into is replaced, not kept beside the hand-over.
      const current = store.currentId();
      const open = current ? store.load(current) : undefined;
      if (current && open?.ok && open.draft.pristine) store.remove(current);
      return {
        draft: draftFromPayload(decoded.payload),
        notice: { kind: 'hash-imported', source: decoded.payload.source ?? '' },
      };
    }
    const fallback = bootDraft(store, '');
    return { draft: fallback.draft, notice: { kind: 'hash-failed', reason: decoded.error } };
  }
  const current = store.currentId();
  if (current) {
    const loaded = store.load(current);
    if (loaded?.ok) return { draft: loaded.draft };
    if (loaded && !loaded.ok) {
      return { draft: blankDraft(), notice: { kind: 'corrupt', reason: loaded.error } };
    }
  }
  for (const summary of store.list()) {
    if (summary.corrupt) continue;
    const loaded = store.load(summary.id);
    if (loaded?.ok) return { draft: loaded.draft };
  }
  return { draft: blankDraft() };
}
