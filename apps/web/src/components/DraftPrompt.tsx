import { useUi } from '../i18n/context.tsx';
import { fill } from '../i18n/strings.ts';
import type { DraftChoice, DraftPrompt as Prompt } from '../state/useDrafts.ts';

export interface DraftPromptProps {
  prompt: Prompt;
  /** The open draft's name, as the drafts list shows it. */
  name: string;
  onChoose(choice: DraftChoice): void;
  onDismiss(): void;
}

/** Another tab changed the open draft: which version to keep, asked in the page. */
export function DraftPrompt({ prompt, name, onChoose, onDismiss }: DraftPromptProps) {
  const { t } = useUi();
  return (
    <div
      className="notice notice-error draft-prompt"
      role="alert"
      data-notice="other-tab"
      data-conflict={prompt.kind}
    >
      {prompt.kind === 'newer' ? (
        <>
          <p>{t.otherTab}</p>
          <div className="buttons">
            <button
              type="button"
              data-action="load-other-tab"
              data-choice="theirs"
              onClick={() => onChoose('theirs')}
            >
              {t.otherTabLoad}
            </button>
            <button type="button" data-choice="mine" onClick={() => onChoose('mine')}>
              {t.otherTabKeepMine}
            </button>
            <button type="button" onClick={onDismiss} aria-label="×">
              ×
            </button>
          </div>
        </>
      ) : (
        <>
          <p>
            {prompt.held
              ? fill(t.conflictText, { name: `${name} ${t.conflictCopy}` })
              : t.conflictNotHeld}
          </p>
          <div className="buttons">
            <button type="button" data-choice="mine" onClick={() => onChoose('mine')}>
              {t.conflictKeepMine}
            </button>
            <button
              type="button"
              data-action="load-other-tab"
              data-choice="theirs"
              onClick={() => onChoose('theirs')}
            >
              {t.conflictTakeTheirs}
            </button>
            <button type="button" data-choice="both" onClick={() => onChoose('both')}>
              {t.conflictKeepBoth}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
