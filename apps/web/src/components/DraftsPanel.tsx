import type { Report } from '@nianbao/schema';
import { memo, useState } from 'react';
import { useUi } from '../i18n/context.tsx';
import { fill, type Strings } from '../i18n/strings.ts';
import { downloadText, reportFileName } from '../lib/download.ts';
import type { DraftStore, DraftSummary } from '../lib/drafts.ts';
import { reportToJson } from '../lib/report-json.ts';

export interface DraftsPanelProps {
  store: DraftStore;
  drafts: DraftSummary[];
  currentId: string;
  saveError: string | undefined;
  /** The storage is full: say what to do (export, delete old drafts) and offer both. */
  storageFull?: boolean;
  /** The report in the form (exported when the storage is full). */
  getReport?(): Report;
  onOpen(id: string): void;
  onDelete(id: string): void;
  onNew(): void;
}

/** A draft's name in the list: agency and year. */
export function draftName(d: Pick<DraftSummary, 'agencyName' | 'reportYear'>, t: Strings): string {
  return [d.agencyName, d.reportYear].filter((p) => p !== undefined).join(' ') || t.untitled;
}

function downloadReport(report: Report): void {
  const { meta } = report;
  downloadText(
    reportFileName(meta.agencyName, meta.reportYear, 'json'),
    'application/json',
    reportToJson(report),
  );
}

/** Saved drafts: open, delete, start a new one; a damaged draft is shown with its reason. */
export const DraftsPanel = memo(function DraftsPanel(props: DraftsPanelProps) {
  const { store, drafts, currentId, saveError, storageFull, getReport, onOpen, onDelete, onNew } =
    props;
  const { locale, t } = useUi();
  const [cleaning, setCleaning] = useState(false);
  const nameOf = (d: DraftSummary) => draftName(d, t);
  const time = (iso: string | undefined) =>
    iso ? new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN') : '';
  const confirmDelete = (d: DraftSummary) => {
    if (window.confirm(fill(t.deleteDraftConfirm, { name: nameOf(d) }))) onDelete(d.id);
  };
  const old = drafts.filter((d) => d.id !== currentId).reverse();
  return (
    <section className="drafts" aria-labelledby="drafts-title">
      <h2 id="drafts-title">{t.draftsTitle}</h2>
      <p className="hint">{store.persistent ? t.draftsHint : t.draftsNotPersistent}</p>
      {storageFull ? (
        <div className="error-note storage-full" role="alert" data-storage-full="">
          <p>{t.storageFull}</p>
          <div className="buttons">
            {getReport && (
              <button
                type="button"
                data-storage-full-action="export"
                onClick={() => downloadReport(getReport())}
              >
                {t.storageFullExport}
              </button>
            )}
            <button
              type="button"
              data-storage-full-action="delete-old"
              aria-expanded={cleaning}
              onClick={() => setCleaning(!cleaning)}
            >
              {t.storageFullDelete}
            </button>
          </div>
          {cleaning && (
            <>
              <p>{old.length ? t.storageFullOldDrafts : t.storageFullNoOld}</p>
              <ul className="old-drafts">
                {old.map((d) => (
                  <li key={d.id} data-old-draft={d.id}>
                    <span>
                      {d.corrupt ? fill(t.corruptDraft, { reason: d.corrupt }) : nameOf(d)}
                    </span>{' '}
                    <span className="hint">
                      {time(d.updatedAt)}{' '}
                      {fill(t.draftSize, { size: Math.ceil((store.sizeOf(d.id) * 2) / 1024) })}
                    </span>{' '}
                    {!d.corrupt && (
                      <button
                        type="button"
                        data-old-draft-action="export"
                        onClick={() => {
                          const loaded = store.load(d.id);
                          if (loaded?.ok) downloadReport(loaded.draft.report);
                        }}
                      >
                        {t.exportDraft}
                      </button>
                    )}
                    <button
                      type="button"
                      data-old-draft-action="delete"
                      onClick={() => confirmDelete(d)}
                    >
                      {t.deleteDraft}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : (
        saveError && (
          <p className="error-note" role="alert">
            {fill(t.draftSaveFailed, { reason: saveError })}
          </p>
        )
      )}
      <button type="button" data-draft-action="new" onClick={onNew}>
        {t.newDraft}
      </button>
      <ul className="draft-list">
        {drafts.map((d) => (
          <li key={d.id} data-draft={d.id} data-corrupt={d.corrupt ? true : undefined}>
            {d.corrupt ? (
              <>
                <span className="error-note">{fill(t.corruptDraft, { reason: d.corrupt })}</span>
                <button
                  type="button"
                  onClick={() => {
                    const loaded = store.load(d.id);
                    if (loaded && !loaded.ok) {
                      downloadText(`nianbao-draft-${d.id}.txt`, 'text/plain', loaded.raw);
                    }
                  }}
                >
                  {t.downloadRaw}
                </button>
              </>
            ) : (
              <>
                <span className="draft-name">
                  {nameOf(d)} {d.heldFrom && t.conflictCopy} {d.id === currentId && t.currentDraft}
                </span>{' '}
                <span className="hint">{fill(t.updatedAt, { time: time(d.updatedAt) })}</span>
                <button
                  type="button"
                  data-draft-action="open"
                  disabled={d.id === currentId}
                  onClick={() => onOpen(d.id)}
                >
                  {t.openDraft}
                </button>
              </>
            )}
            <button type="button" data-draft-action="delete" onClick={() => confirmDelete(d)}>
              {t.deleteDraft}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
});
