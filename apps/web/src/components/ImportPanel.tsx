import type { ReportPayload } from '@nianbao/extract/door';
import type { Finding } from '@nianbao/schema';
import { memo, useId, useRef, useState } from 'react';
import { useUi } from '../i18n/context.tsx';
import { fill } from '../i18n/strings.ts';
import {
  type ImportedReport,
  type ImportOutcome,
  importFile,
  importText,
  MAX_FILE_MB,
} from '../lib/importing.ts';
import { SEVERITY_ICON, uniqueKeys } from './flags.ts';

/** What the last import said: shown until the next one. */
export interface ImportNote {
  kind: 'ok' | 'not-found' | 'error' | 'several';
  text: string;
  diagnostics: Finding[];
  /** When a document holds several reports: the ones to choose from. */
  choices?: ImportedReport[];
}

export interface ImportPanelProps {
  note: ImportNote | undefined;
  onNote(note: ImportNote): void;
  onImported(payload: ReportPayload): void;
}

/** Paste the whole report, or open a file; read in the browser by @nianbao/extract. */
export const ImportPanel = memo(function ImportPanel({
  note,
  onNote,
  onImported,
}: ImportPanelProps) {
  const { locale, t } = useUi();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const pasteId = useId();
  const fileId = useId();

  function settle(outcome: ImportOutcome, source: string) {
    if (outcome.kind === 'report') {
      onImported({ ...outcome.payload, source: outcome.payload.source ?? source });
      onNote({
        kind: 'ok',
        text: fill(t.importedFrom, { source }),
        diagnostics: outcome.diagnostics,
      });
    } else if (outcome.kind === 'several') {
      onNote({
        kind: 'several',
        text: fill(t.importSeveral, { source, count: outcome.reports.length }),
        diagnostics: [],
        choices: outcome.reports,
      });
    } else if (outcome.kind === 'not-found') {
      onNote({
        kind: 'not-found',
        text: fill(t.importNotFound, { source }),
        diagnostics: outcome.diagnostics,
      });
    } else if (outcome.kind === 'unsupported') {
      onNote({ kind: 'error', text: fill(t.importUnsupported, { name: source }), diagnostics: [] });
    } else if (outcome.kind === 'too-large') {
      onNote({
        kind: 'error',
        text: fill(t.importTooLarge, { size: outcome.sizeMb, max: MAX_FILE_MB }),
        diagnostics: [],
      });
    } else {
      onNote({
        kind: 'error',
        text: outcome.reason
          ? fill(t.importFailed, { source, reason: outcome.reason })
          : t.importEmpty,
        diagnostics: [],
      });
    }
  }

  async function run(task: () => Promise<ImportOutcome>, source: string) {
    setBusy(true);
    try {
      settle(await task(), source);
    } finally {
      setBusy(false);
    }
  }

  const diagnosticKeys = uniqueKeys(note?.diagnostics ?? [], (d) => d.fingerprint);
  return (
    <section className="import" aria-labelledby="import-title">
      <h2 id="import-title">{t.importTitle}</h2>
      <p className="hint">{t.importHint}</p>
      <label htmlFor={pasteId}>{t.pasteLabel}</label>
      <textarea
        id={pasteId}
        data-import="text"
        rows={4}
        placeholder={t.pastePlaceholder}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="buttons">
        <button
          type="button"
          data-import="read"
          disabled={busy || text.trim() === ''}
          onClick={() => run(() => importText(text, t.pastedText, locale), t.pastedText)}
        >
          {t.readPasted}
        </button>
        <label htmlFor={fileId} className="button-like">
          {t.openFile}
        </label>
        <input
          id={fileId}
          ref={fileRef}
          data-import="file"
          className="visually-hidden-file"
          type="file"
          accept=".html,.htm,.txt,.docx,.doc,.pdf,.json,application/pdf,application/msword,text/html,text/plain,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            void run(() => importFile(file, locale), file.name).finally(() => {
              if (fileRef.current) fileRef.current.value = '';
            });
          }}
        />
      </div>
      <div role="status" aria-live="polite" className="import-status">
        {busy && <p>{t.reading}</p>}
        {!busy && note && (
          <div className={`import-note import-${note.kind}`} data-import-result={note.kind}>
            <p>{note.text}</p>
            {note.choices && (
              <ul className="import-choices">
                {note.choices.map((choice, i) => {
                  const { meta } = choice.payload.report;
                  const name =
                    meta.title ??
                    ([meta.agencyName, meta.reportYear].filter(Boolean).join(' ') || t.untitled);
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the reports' order in the document is their identity
                    <li key={i}>
                      <button
                        type="button"
                        data-import-choice={i}
                        onClick={() => {
                          onImported(choice.payload);
                          onNote({
                            kind: 'ok',
                            text: fill(t.importedFrom, {
                              source: `${choice.payload.source ?? ''} (${i + 1})`,
                            }),
                            diagnostics: choice.diagnostics,
                          });
                        }}
                      >
                        {fill(t.importChoose, { n: i + 1, name })}
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
            {note.kind !== 'error' && note.kind !== 'several' && (
              <details open={note.diagnostics.length > 0 && note.diagnostics.length <= 8}>
                <summary>{fill(t.diagnosticsTitle, { count: note.diagnostics.length })}</summary>
                {note.diagnostics.length === 0 ? (
                  <p>{t.diagnosticsNone}</p>
                ) : (
                  <ul className="diagnostics">
                    {note.diagnostics.map((d, i) => (
                      <li key={diagnosticKeys[i]} data-diagnostic={d.ruleId}>
                        <span aria-hidden="true">{SEVERITY_ICON[d.severity]} </span>
                        {d.message} <code>{d.ruleId}</code>
                      </li>
                    ))}
                  </ul>
                )}
              </details>
            )}
          </div>
        )}
      </div>
    </section>
  );
});
