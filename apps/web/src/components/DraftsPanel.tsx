import { memo } from 'react';
import { useUi } from '../i18n/context.tsx';
import { fill } from '../i18n/strings.ts';
import { downloadText } from '../lib/download.ts';
import type { DraftStore, DraftSummary } from '../lib/drafts.ts';

export interface DraftsPanelProps {
  store: DraftStore;
  drafts: DraftSummary[];
  currentId: string;
  saveError: string | undefined;
  onOpen(id: string): void;
  onDelete(id: string): void;
  onNew(): void;
}

/** Saved drafts: open, delete, start a new one; a damaged draft is shown with its reason. */
export const DraftsPanel = memo(function DraftsPanel(props: DraftsPanelProps) {
  const { store, drafts, currentId, saveError, onOpen, onDelete, onNew } = props;
  const { locale, t } = useUi();
  const nameOf = (d: DraftSummary) =>
    [d.agencyName, d.reportYear].filter((p) => p !== undefined).join(' ') || t.untitled;
  const time = (iso: string | undefined) =>
    iso ? new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN') : '';
  return (
    <section className="drafts" aria-labelledby="drafts-title">
      <h2 id="drafts-title">{t.draftsTitle}</h2>
      <p className="hint">{store.persistent ? t.draftsHint : t.draftsNotPersistent}</p>
      {saveError && (
        <p className="error-note" role="alert">
          {fill(t.draftSaveFailed, { reason: saveError })}
        </p>
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
                  {nameOf(d)} {d.id === currentId && t.currentDraft}
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
            <button
              type="button"
              data-draft-action="delete"
              onClick={() => {
                if (window.confirm(fill(t.deleteDraftConfirm, { name: nameOf(d) }))) onDelete(d.id);
              }}
            >
              {t.deleteDraft}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
});
