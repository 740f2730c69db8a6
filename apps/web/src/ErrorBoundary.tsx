import { Component, type ReactNode } from 'react';
import { fill, STRINGS } from './i18n/strings.ts';
import { DraftStore } from './lib/drafts.ts';
import { blankDraft } from './state/boot.ts';

/** The last line of defence: a message and a way out, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = STRINGS[document.documentElement.lang === 'en' ? 'en' : 'zh-CN'];
    return (
      <main className="crash" role="alert">
        <h1>{t.crashTitle}</h1>
        <p>{fill(t.crashText, { reason: error.message })}</p>
        <button
          type="button"
          onClick={() => {
            const store = new DraftStore();
            const draft = blankDraft();
            store.save(draft);
            store.setCurrent(draft.id);
            location.reload();
          }}
        >
          {t.crashNew}
        </button>{' '}
        <button type="button" onClick={() => location.reload()}>
          {t.crashReload}
        </button>
      </main>
    );
  }
}
