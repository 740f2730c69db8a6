import type { ReportPayload } from '@nianbao/extract/door';
import { type Dispatch, useCallback, useEffect, useRef, useState } from 'react';
import { type Draft, type DraftStore, draftIdOfKey, newDraftId } from '../lib/drafts.ts';
import { DraftSync, type Incoming, type SyncSave } from '../lib/drafts-sync.ts';
import { blankDraft, draftFromPayload } from './boot.ts';
import { draftFromState, type FormAction, type FormState } from './form.ts';

/** What the user is asked about the open draft after another tab changed it. */
export type DraftPrompt =
  /** The other tab edited the version shown here, and nothing here is unsaved. */
  | { kind: 'newer'; id: string }
  /**
   * Both tabs edited it: the other tab's version stays under `id`, this tab's is held
   * aside as the draft `copyId` (and follows the edits made here) until the user chooses.
   */
  | { kind: 'conflict'; id: string; copyId: string; held: boolean };

/** Keep this tab's version, take the other tab's, or keep both as two drafts. */
export type DraftChoice = 'mine' | 'theirs' | 'both';

/**
 * The form's drafts: every change saved (at most 300 ms later, at once when the page
 * is hidden or another draft is opened), the list, the storage running full, and two
 * tabs on one draft (nothing written over the other tab's version without asking).
 */
export function useDrafts(
  store: DraftStore,
  initial: Draft,
  state: FormState,
  dispatch: Dispatch<FormAction>,
) {
  const [sync] = useState(() => {
    const s = new DraftSync(store);
    s.adopt(initial);
    return s;
  });
  const [drafts, setDrafts] = useState(() => store.list());
  const [saveError, setSaveError] = useState<string>();
  const [storageFull, setStorageFull] = useState(store.full);
  const [prompt, setPrompt] = useState<DraftPrompt>();
  const promptRef = useRef<DraftPrompt | undefined>(prompt);
  const showPrompt = useCallback((p: DraftPrompt | undefined) => {
    promptRef.current = p;
    setPrompt(p);
  }, []);
  const live = useRef(state);
  live.current = state;

  const unsaved = useRef<Draft | undefined>(undefined);
  const listed = useRef<string | undefined>(undefined);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const failed = useRef(false);
  const cancelPending = useCallback(() => {
    clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
    unsaved.current = undefined;
  }, []);

  /** Shows a draft in the form; this tab now knows it as stored. */
  const loadDraft = useCallback(
    (draft: Draft) => {
      cancelPending();
      sync.adopt(draft);
      dispatch({ type: 'load', draft });
    },
    [sync, dispatch, cancelPending],
  );

  const noteSave = useCallback(
    (result: SyncSave) => {
      if (result.kind === 'failed') {
        failed.current = true;
        setSaveError(result.reason);
      } else if (result.kind === 'saved') {
        failed.current = false;
        setSaveError(undefined);
      }
      setStorageFull(store.full);
    },
    [store],
  );

  /** Another tab's version of the open draft: load it quietly, offer it, or hold both and ask. */
  const onIncoming = useCallback(
    (incoming: Incoming, mine: Draft) => {
      if (incoming.kind === 'same') {
        sync.adopt(incoming.theirs);
        return;
      }
      const current = promptRef.current?.id === mine.id ? promptRef.current : undefined;
      if (current?.kind === 'conflict') return; // already held; the copy follows the edits here
      if (incoming.kind === 'newer') {
        if (!current) showPrompt({ kind: 'newer', id: mine.id });
        return;
      }
      // Both versions are kept before anything is asked: the other tab's where it is,
      // this tab's as a copy, written now so that even closing the tab loses nothing.
      const copyId = newDraftId();
      const held = sync.hold(mine, copyId);
      noteSave(held);
      showPrompt({ kind: 'conflict', id: mine.id, copyId, held: held.kind === 'saved' });
      setDrafts(store.list());
    },
    [sync, store, noteSave, showPrompt],
  );

  const flushDraft = useCallback(() => {
    clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
    const draft = unsaved.current;
    if (!draft) return;
    unsaved.current = undefined;
    const p = promptRef.current;
    // While the user is asked, edits made here go to the held copy, never over the other tab's.
    const target =
      p?.kind === 'conflict' && p.id === draft.id
        ? { ...draft, id: p.copyId, heldFrom: p.id }
        : draft;
    const result = sync.save(target);
    noteSave(result);
    if (result.kind === 'incoming') {
      onIncoming(result.incoming, draft);
      return;
    }
    if (target === draft) store.setCurrent(draft.id);
    // A draft saved for the first time joins the list; the open one's entry follows its edits.
    if (listed.current !== target.id) {
      listed.current = target.id;
      setDrafts(store.list());
    } else if (result.kind === 'saved') {
      const { agencyName, reportYear } = target.report.meta;
      setDrafts((list) =>
        list.map((d) =>
          d.id === target.id
            ? {
                id: d.id,
                updatedAt: target.updatedAt,
                ...(agencyName && { agencyName }),
                ...(reportYear !== undefined && { reportYear }),
                ...(d.heldFrom && { heldFrom: d.heldFrom }),
              }
            : d,
        ),
      );
    }
  }, [sync, store, noteSave, onIncoming]);

  // Opening another report drops a blank one nobody typed into, instead of keeping it.
  const leaveCurrent = useCallback(() => {
    const { pristine, draftId } = live.current;
    if (!pristine) return flushDraft();
    cancelPending();
    store.remove(draftId);
    sync.forget(draftId);
    listed.current = undefined;
  }, [store, sync, flushDraft, cancelPending]);

  useEffect(() => {
    if (unsaved.current && unsaved.current.id !== state.draftId) flushDraft();
    unsaved.current = draftFromState(state);
    saveTimer.current ??= setTimeout(flushDraft, 300);
  }, [state, flushDraft]);
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flushDraft();
    };
    window.addEventListener('pagehide', flushDraft);
    window.addEventListener('beforeunload', flushDraft);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flushDraft);
      window.removeEventListener('beforeunload', flushDraft);
      document.removeEventListener('visibilitychange', onHidden);
      flushDraft();
    };
  }, [flushDraft]);
  // A question about a draft that is no longer open is dropped: both versions stay saved.
  useEffect(() => {
    if (promptRef.current && promptRef.current.id !== state.draftId) showPrompt(undefined);
  }, [state.draftId, showPrompt]);

  // Another tab of the form saved a draft: the list follows; the open one is compared.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key !== null && !draftIdOfKey(e.key)) return;
      setDrafts(store.list());
      const id = draftIdOfKey(e.key);
      if (!id || id !== live.current.draftId || e.newValue === null) return;
      const mine = unsaved.current ?? draftFromState(live.current);
      const incoming = sync.incoming(mine);
      if (incoming) onIncoming(incoming, mine);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [store, sync, onIncoming]);

  const resolve = useCallback(
    (choice: DraftChoice) => {
      const p = promptRef.current;
      if (!p) return;
      const copyId = p.kind === 'conflict' ? p.copyId : undefined;
      const dropCopy = () => {
        if (!copyId) return;
        store.remove(copyId);
        sync.forget(copyId);
      };
      if (choice === 'theirs') {
        const loaded = store.load(p.id);
        if (!loaded?.ok) return;
        showPrompt(undefined);
        loadDraft(loaded.draft);
        dropCopy();
      } else if (choice === 'mine') {
        cancelPending();
        const result = sync.save(draftFromState(live.current), { force: true });
        noteSave(result);
        if (result.kind !== 'saved') return; // the copy still holds this tab's version
        showPrompt(undefined);
        dropCopy();
      } else {
        cancelPending();
        showPrompt(undefined);
        if (!copyId) return;
        const copy: Draft = { ...draftFromState(live.current), id: copyId, heldFrom: p.id };
        noteSave(sync.save(copy));
        // The copy as stored (with its revision); as it is here when it could not be saved.
        const saved = store.load(copyId);
        loadDraft(saved?.ok ? saved.draft : copy);
        store.setCurrent(copyId);
      }
      listed.current = undefined;
      setDrafts(store.list());
    },
    [store, sync, loadDraft, cancelPending, noteSave, showPrompt],
  );
  const dismissPrompt = useCallback(() => showPrompt(undefined), [showPrompt]);

  const openDraft = useCallback(
    (id: string) => {
      const loaded = store.load(id);
      if (!loaded?.ok) return;
      leaveCurrent();
      loadDraft(loaded.draft);
      setDrafts(store.list());
    },
    [store, leaveCurrent, loadDraft],
  );
  const deleteDraft = useCallback(
    (id: string) => {
      flushDraft();
      store.remove(id);
      sync.forget(id);
      if (id === live.current.draftId) {
        const next = store.list().find((d) => !d.corrupt);
        const loaded = next && store.load(next.id);
        loadDraft(loaded?.ok ? loaded.draft : blankDraft());
      } else if (failed.current) {
        // Space was freed: the change that could not be saved is saved now.
        unsaved.current = draftFromState(live.current);
        flushDraft();
      }
      setStorageFull(store.full);
      setDrafts(store.list());
    },
    [store, sync, flushDraft, loadDraft],
  );
  const newDraft = useCallback(() => {
    leaveCurrent();
    loadDraft(blankDraft());
  }, [leaveCurrent, loadDraft]);
  const openPayload = useCallback(
    (payload: ReportPayload) => {
      leaveCurrent();
      loadDraft(draftFromPayload(payload));
    },
    [leaveCurrent, loadDraft],
  );

  return {
    drafts,
    saveError,
    storageFull,
    prompt,
    resolve,
    dismissPrompt,
    openDraft,
    deleteDraft,
    newDraft,
    openPayload,
  };
}
