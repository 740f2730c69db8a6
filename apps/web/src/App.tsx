import { checkExtracted } from '@nianbao/extract/check';
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
import { DraftPrompt } from './components/DraftPrompt.tsx';
import { DraftsPanel, draftName } from './components/DraftsPanel.tsx';
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
import { DraftStore } from './lib/drafts.ts';
import { type Direction, gridsOf, moveFrom, planPaste, type TableId } from './lib/grid.ts';
import { markEdit, markRendered, timed } from './lib/perf.ts';
import { type BootNotice, bootDraft } from './state/boot.ts';
import { formReducer, stateFromDraft } from './state/form.ts';
import { typedTexts, withTypedCells } from './state/typed-cells.ts';
import { useDrafts } from './state/useDrafts.ts';

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
  const t = STRINGS[locale];
  const format = state.report.format;
  const formatRef = useRef<Format>(format);
  formatRef.current = format;
  const localeRef = useRef<Locale>(locale);
  localeRef.current = locale;

  // Drafts: every change saved, the list, a full storage, another tab on the same draft.
  const drafts = useDrafts(store, boot.draft, state, dispatch);
  const { openPayload } = drafts;
  // The hand-over hash is read once, then cleared so a reload does not import again.
  useEffect(() => {
    if (hasHandOver(location.hash))
      history.replaceState(null, '', location.pathname + location.search);
    const onHash = () => {
      if (!hasHandOver(location.hash)) return;
      const decoded = decodeHandOver(location.hash);
      history.replaceState(null, '', location.pathname + location.search);
      if (decoded.ok) {
        openPayload(decoded.payload);
        setNotice({ kind: 'hash-imported', source: decoded.payload.source ?? '' });
      } else setNotice({ kind: 'hash-failed', reason: decoded.error });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [openPayload]);
  // For bench/web: when the form first became usable, in ms since navigation.
  useEffect(() => {
    performance.mark('nb:form-ready');
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
      // Text typed where a number belongs is an error of its own, not a blank in the sums.
      const typed = typedTexts(state.report.format, state.provenance);
      list = withTypedCells(list, typed, state.report.format, locale, t);
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
  const onText = useCallback((path: string, text: string) => {
    markEdit();
    dispatch({ type: 'cells', updates: [{ path, value: null, raw: text, notANumber: true }] });
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

  const reportRef = useRef(state.report);
  reportRef.current = state.report;
  const getReport = useCallback(() => reportRef.current, []);

  const onFillBlanks = useCallback(
    (table: TableId) => {
      const report = reportRef.current;
      const typed = typedTexts(report.format, live.current.provenance);
      const blanks = gridsOf(report.format)
        .tables[table].flat()
        .filter((path) => (getCell(report, path) ?? null) === null && !typed.has(path));
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
    onText,
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
      {drafts.prompt && (
        <DraftPrompt
          prompt={drafts.prompt}
          name={draftName(state.report.meta, t)}
          onChoose={drafts.resolve}
          onDismiss={drafts.dismissPrompt}
        />
      )}
      {notice && (
        <p
          className={`notice ${notice.kind === 'hash-imported' ? 'notice-ok' : 'notice-error'}`}
          role="alert"
          data-notice={notice.kind}
        >
          {noticeText(notice, t)}{' '}
          <button type="button" onClick={() => setNotice(undefined)} aria-label="×">
            ×
          </button>
        </p>
      )}
      <div className="layout">
        <main className="form-col">
          <div className="panels">
            <ImportPanel note={importNote} onNote={setImportNote} onImported={openPayload} />
            <DraftsPanel
              store={store}
              drafts={drafts.drafts}
              currentId={state.draftId}
              saveError={drafts.saveError}
              storageFull={drafts.storageFull}
              getReport={getReport}
              onOpen={drafts.openDraft}
              onDelete={drafts.deleteDraft}
              onNew={drafts.newDraft}
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
          <ReadyBanner findings={findings} neutral={state.pristine} />
          <p className="paste-status" role="status" aria-live="polite">
            {status}{' '}
            {canUndo && (
              <button type="button" data-action="undo" onClick={undo}>
                {t.undo}
              </button>
            )}
          </p>
          <FindingsPanel
            format={format}
            findings={findings}
            neutral={state.pristine}
            onGoTo={focusPath}
            onFix={onFix}
          />
        </aside>
      </div>
    </Ui.Provider>
  );
}
