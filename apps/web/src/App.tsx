import { checkExtracted } from '@nianbao/extract/check';
import type { ReportPayload } from '@nianbao/extract/door';
import { decodeHandOver, hasHandOver } from '@nianbao/extract/door';
import {
  describeCell,
  type Finding,
  type Format,
  getCell,
  type Locale,
  type Provenance,
  type Report,
} from '@nianbao/schema';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import { DraftsPanel } from './components/DraftsPanel.tsx';
import { ExportPanel } from './components/ExportPanel.tsx';
import { FindingsPanel } from './components/FindingsPanel.tsx';
import { flagsByPath, stableSubset } from './components/flags.ts';
import { type ImportNote, ImportPanel } from './components/ImportPanel.tsx';
import { MetaForm } from './components/MetaForm.tsx';
import { ReadyBanner } from './components/ReadyBanner.tsx';
import { SectionsForm } from './components/SectionsForm.tsx';
import {
  AppealsTable,
  ApplicationsTable,
  DisclosureTable,
  type TableProps,
} from './components/Tables.tsx';
import { Ui } from './i18n/context.tsx';
import { fill, STRINGS } from './i18n/strings.ts';
import { isCellBlock, parseClipboardTable } from './lib/clipboard.ts';
import { type Draft, DraftStore, draftIdOfKey } from './lib/drafts.ts';
import { type Direction, gridsOf, moveFrom, planPaste, type TableId } from './lib/grid.ts';
import { markEdit, markRendered, timed } from './lib/perf.ts';
import { type BootNotice, blankDraft, bootDraft, draftFromPayload } from './state/boot.ts';
import { draftFromState, formReducer, stateFromDraft } from './state/form.ts';

const LOCALE_KEY = 'nianbao.locale';

function initialLocale(): Locale {
  try {
    return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Focuses the field a finding names: a cell, a row's first cell, a section, a meta field or a table. */
export function focusPath(path: string): void {
  const esc = (s: string) => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s);
  const [head, rest] = [path.split('.')[0], path.split('.').slice(1).join('.')];
  const el =
    document.querySelector<HTMLElement>(`[data-cell="${esc(path)}"]`) ??
    document.querySelector<HTMLElement>(`[data-cell^="${esc(path)}."]`) ??
    (head === 'sections'
      ? document.querySelector<HTMLElement>(`[data-section="${esc(rest)}"]`)
      : null) ??
    (head === 'preamble'
      ? document.querySelector<HTMLElement>('[data-section="preamble"]')
      : null) ??
    (head === 'meta' ? document.querySelector<HTMLElement>(`[data-meta="${esc(rest)}"]`) : null) ??
    document.querySelector<HTMLElement>(`[data-table="${esc(head ?? '')}"]`);
  if (!el) return;
  el.focus();
  el.scrollIntoView?.({ block: 'center' });
}

function noticeText(notice: BootNotice, t: (typeof STRINGS)['zh-CN']): string {
  if (notice.kind === 'corrupt') return fill(t.corruptCurrent, { reason: notice.reason });
  if (notice.kind === 'hash-imported') return fill(t.hashImported, { source: notice.source });
  if (notice.kind === 'other-tab') return t.otherTab;
  return fill(t.hashFailed, { reason: notice.reason });
}

/** The form: fill in or import, see every finding on its cell, fix, export. */
export function App({ store: given }: { store?: DraftStore }) {
  const [store] = useState(() => given ?? new DraftStore());
  const [boot] = useState(() => bootDraft(store, location.hash));
  const [state, dispatch] = useReducer(formReducer, boot.draft, stateFromDraft);
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [notice, setNotice] = useState<BootNotice | undefined>(boot.notice);
  const [importNote, setImportNote] = useState<ImportNote>();
  const [status, setStatus] = useState('');
  const [drafts, setDrafts] = useState(() => store.list());
  const [saveError, setSaveError] = useState<string>();
  const t = STRINGS[locale];
  const format = state.report.format;
  const formatRef = useRef<Format>(format);
  formatRef.current = format;
  const localeRef = useRef<Locale>(locale);
  localeRef.current = locale;

  // Every change is saved as a draft: at most 300 ms later (a localStorage write costs
  // milliseconds, too much for every keystroke), and at once when the page is hidden,
  // closed or reloaded, or another draft is opened.
  const unsaved = useRef<Draft | undefined>(undefined);
  const listed = useRef<string | undefined>(undefined);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flushDraft = useCallback(() => {
    clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
    const draft = unsaved.current;
    if (!draft) return;
    unsaved.current = undefined;
    setSaveError(store.save(draft));
    store.setCurrent(draft.id);
    // A draft saved for the first time joins the list; the open one's entry follows its edits.
    if (listed.current !== draft.id) {
      listed.current = draft.id;
      setDrafts(store.list());
    } else {
      const { agencyName, reportYear } = draft.report.meta;
      setDrafts((list) =>
        list.map((d) =>
          d.id === draft.id
            ? {
                id: d.id,
                updatedAt: draft.updatedAt,
                ...(agencyName && { agencyName }),
                ...(reportYear !== undefined && { reportYear }),
              }
            : d,
        ),
      );
    }
  }, [store]);
  // Opening another report drops a blank one nobody typed into, instead of keeping it.
  const pristine = useRef<string | undefined>(undefined);
  pristine.current = state.pristine ? state.draftId : undefined;
  const leaveCurrent = useCallback(() => {
    const id = pristine.current;
    if (id === undefined) return flushDraft();
    clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
    unsaved.current = undefined;
    store.remove(id);
    listed.current = undefined;
  }, [store, flushDraft]);
  // The hand-over hash is read once, then cleared so a reload does not import again.
  useEffect(() => {
    if (hasHandOver(location.hash))
      history.replaceState(null, '', location.pathname + location.search);
    const onHash = () => {
      if (!hasHandOver(location.hash)) return;
      const decoded = decodeHandOver(location.hash);
      history.replaceState(null, '', location.pathname + location.search);
      if (decoded.ok) {
        leaveCurrent();
        dispatch({ type: 'load', draft: draftFromPayload(decoded.payload) });
        setNotice({ kind: 'hash-imported', source: decoded.payload.source ?? '' });
      } else setNotice({ kind: 'hash-failed', reason: decoded.error });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [leaveCurrent]);
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

  // For bench/web: when the form first became usable, in ms since navigation.
  useEffect(() => {
    performance.mark('nb:form-ready');
  }, []);

  // Another tab of the form saved the draft that is open here: say so rather than silently
  // overwrite one with the other.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      const id = draftIdOfKey(e.key);
      if (!id || id !== currentId.current || e.newValue === null) return;
      // Hold this tab's pending save: it must not overwrite the other tab's version unasked.
      clearTimeout(saveTimer.current);
      saveTimer.current = undefined;
      unsaved.current = undefined;
      setNotice({ kind: 'other-tab', id });
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t.appTitle;
    try {
      localStorage.setItem(LOCALE_KEY, locale);
    } catch {
      // Storage refused: the language is simply not remembered.
    }
  }, [locale, t]);

  // The same findings as before keep their identity, so the panel and marks are not redrawn.
  const lastFindings = useRef<{ list: Finding[]; signature: string }>(undefined);
  const findings = useMemo(() => {
    let list: Finding[];
    try {
      // The form's report is read already: the same glue as every surface, with no reading notes.
      const read = {
        report: state.report,
        ...(state.provenance && { provenance: state.provenance }),
        diagnostics: [],
        found: true,
      };
      list = timed('nb:check', () => checkExtracted(read, { locale }).findings);
    } catch (error) {
      // check() never throws on a valid report; if it ever does, the form stays usable.
      list = [
        {
          ruleId: 'CHECK-FAILED',
          severity: 'error',
          origin: 'extraction',
          message: fill(t.checkFailed, { reason: (error as Error).message || String(error) }),
          cells: [],
          fingerprint: 'check-failed',
        },
      ];
    }
    const signature = list
      .map(
        (f) =>
          `${f.fingerprint}|${f.severity}|${f.message}|${f.fix?.cell}|${f.fix?.value}|${f.cells.join()}`,
      )
      .join('\n');
    if (lastFindings.current?.signature === signature) return lastFindings.current.list;
    lastFindings.current = { list, signature };
    return list;
  }, [state.report, state.provenance, locale, t]);
  const flags = useMemo(() => flagsByPath(findings, format), [findings, format]);
  const metaFlagsRef = useRef<ReturnType<typeof stableSubset>>(undefined);
  metaFlagsRef.current = stableSubset(metaFlagsRef.current, flags, (p) => p.startsWith('meta.'));
  const sectionFlagsRef = useRef<ReturnType<typeof stableSubset>>(undefined);
  sectionFlagsRef.current = stableSubset(
    sectionFlagsRef.current,
    flags,
    (p) => p.startsWith('sections.') || p === 'preamble',
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the mark is taken each time new findings reach the DOM
  useLayoutEffect(() => markRendered(), [state.report, findings]);

  // Paste, "fill blanks" and fixes change many cells or one at a click: each can be undone once.
  const live = useRef(state);
  live.current = state;
  const undoPoint = useRef<{
    draftId: string;
    report: Report;
    provenance?: Provenance;
    /** Set once the bulk change itself has landed: any later edit ends the undo. */
    landed?: boolean;
  }>(undefined);
  const [canUndo, setCanUndo] = useState(false);
  const remember = useCallback(() => {
    const { draftId, report, provenance } = live.current;
    undoPoint.current = { draftId, report, ...(provenance && { provenance }) };
    setCanUndo(true);
  }, []);
  const undo = useCallback(() => {
    const point = undoPoint.current;
    undoPoint.current = undefined;
    setCanUndo(false);
    if (!point || point.draftId !== live.current.draftId) return;
    dispatch({ type: 'restore', report: point.report, provenance: point.provenance });
    setStatus(t.undone);
  }, [t]);
  // The undo restores the report as it was, so it ends as soon as anything else is edited.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of the report
  useEffect(() => {
    const point = undoPoint.current;
    if (!point) return;
    if (!point.landed) point.landed = true;
    else {
      undoPoint.current = undefined;
      setCanUndo(false);
    }
  }, [state.report]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another draft forgets the undo point
  useEffect(() => {
    undoPoint.current = undefined;
    setCanUndo(false);
    setStatus('');
  }, [state.draftId]);

  const onCommit = useCallback((path: string, value: number | null, raw: string) => {
    markEdit();
    dispatch({ type: 'cells', updates: [{ path, value, raw }] });
  }, []);
  const onMove = useCallback((path: string, direction: Direction) => {
    const next = moveFrom(formatRef.current, path, direction);
    if (next) focusPath(next);
  }, []);
  const onPasteBlock = useCallback(
    (path: string, text: string) => {
      if (!isCellBlock(text)) return false;
      const plan = planPaste(formatRef.current, path, parseClipboardTable(text));
      remember();
      markEdit();
      dispatch({ type: 'cells', updates: plan.updates });
      setStatus(
        [
          fill(t.pasteResult, { filled: plan.updates.length }),
          plan.unreadable ? fill(t.pasteUnreadable, { count: plan.unreadable }) : '',
          plan.outside ? fill(t.pasteOutside, { count: plan.outside }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
      return true;
    },
    [t, remember],
  );
  const onFix = useCallback(
    (cell: string, value: number) => {
      remember();
      markEdit();
      dispatch({ type: 'cells', updates: [{ path: cell, value, raw: String(value) }] });
      setStatus(
        fill(t.fixed, { cell: describeCell(formatRef.current, cell, localeRef.current), value }),
      );
      focusPath(cell);
    },
    [t, remember],
  );

  const currentId = useRef(state.draftId);
  currentId.current = state.draftId;
  const openDraft = useCallback(
    (id: string) => {
      const loaded = store.load(id);
      if (!loaded?.ok) return;
      leaveCurrent();
      dispatch({ type: 'load', draft: loaded.draft });
      setDrafts(store.list());
    },
    [store, leaveCurrent],
  );
  const deleteDraft = useCallback(
    (id: string) => {
      flushDraft();
      store.remove(id);
      if (id === currentId.current) {
        const next = store.list().find((d) => !d.corrupt);
        const loaded = next && store.load(next.id);
        dispatch({ type: 'load', draft: loaded?.ok ? loaded.draft : blankDraft() });
      }
      setDrafts(store.list());
    },
    [store, flushDraft],
  );
  const newDraft = useCallback(() => {
    leaveCurrent();
    dispatch({ type: 'load', draft: blankDraft() });
  }, [leaveCurrent]);
  const onImported = useCallback(
    (payload: ReportPayload) => {
      leaveCurrent();
      dispatch({ type: 'load', draft: draftFromPayload(payload) });
    },
    [leaveCurrent],
  );

  const reportRef = useRef(state.report);
  reportRef.current = state.report;
  const getReport = useCallback(() => reportRef.current, []);

  const onFillBlanks = useCallback(
    (table: TableId) => {
      const report = reportRef.current;
      const blanks = gridsOf(report.format)
        .tables[table].flat()
        .filter((path) => (getCell(report, path) ?? null) === null);
      remember();
      markEdit();
      dispatch({ type: 'cells', updates: blanks.map((path) => ({ path, value: 0, raw: '0' })) });
      setStatus(fill(t.filledBlanks, { count: blanks.length }));
    },
    [t, remember],
  );

  const tableProps: TableProps = {
    report: state.report,
    provenance: state.provenance,
    flags,
    onCommit,
    onPasteBlock,
    onMove,
    onFillBlanks,
  };
  const ui = useMemo(() => ({ locale, t, format }), [locale, t, format]);

  return (
    <Ui.Provider value={ui}>
      <a className="skip-link" href="#findings">
        {t.skipToFindings}
      </a>
      <header className="app-header">
        <div>
          <h1>{t.appTitle}</h1>
          <p className="tagline">{t.tagline}</p>
        </div>
        <button
          type="button"
          lang={locale === 'en' ? 'zh-CN' : 'en'}
          aria-label={t.switchLanguageLabel}
          data-action="locale"
          onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
        >
          {t.switchLanguage}
        </button>
      </header>
      {notice && (
        <p
          className={`notice ${notice.kind === 'hash-imported' ? 'notice-ok' : 'notice-error'}`}
          role="alert"
          data-notice={notice.kind}
        >
          {noticeText(notice, t)}{' '}
          {notice.kind === 'other-tab' && (
            <button
              type="button"
              data-action="load-other-tab"
              onClick={() => {
                const loaded = store.load(notice.id);
                if (loaded?.ok) dispatch({ type: 'load', draft: loaded.draft });
                unsaved.current = undefined;
                setNotice(undefined);
              }}
            >
              {t.otherTabLoad}
            </button>
          )}{' '}
          <button type="button" onClick={() => setNotice(undefined)} aria-label="×">
            ×
          </button>
        </p>
      )}
      <div className="layout">
        <main className="form-col">
          <div className="panels">
            <ImportPanel note={importNote} onNote={setImportNote} onImported={onImported} />
            <DraftsPanel
              store={store}
              drafts={drafts}
              currentId={state.draftId}
              saveError={saveError}
              onOpen={openDraft}
              onDelete={deleteDraft}
              onNew={newDraft}
            />
          </div>
          <MetaForm
            meta={state.report.meta}
            format={format}
            formatPinned={state.formatPinned}
            flags={metaFlagsRef.current.map}
            dispatch={dispatch}
          />
          <DisclosureTable {...tableProps} />
          <ApplicationsTable {...tableProps} />
          <AppealsTable {...tableProps} />
          <SectionsForm
            preamble={state.report.preamble}
            sections={state.report.sections}
            flags={sectionFlagsRef.current.map}
            dispatch={dispatch}
          />
          <ExportPanel getReport={getReport} />
        </main>
        <aside className="side-col">
          <ReadyBanner findings={findings} />
          <p className="paste-status" role="status" aria-live="polite">
            {status}{' '}
            {canUndo && (
              <button type="button" data-action="undo" onClick={undo}>
                {t.undo}
              </button>
            )}
          </p>
          <FindingsPanel format={format} findings={findings} onGoTo={focusPath} onFix={onFix} />
        </aside>
      </div>
    </Ui.Provider>
  );
}
