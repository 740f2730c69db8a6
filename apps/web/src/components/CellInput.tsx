import type { Severity } from '@nianbao/schema';
import { type ClipboardEvent, type KeyboardEvent, memo, useState } from 'react';
import { useUi } from '../i18n/context.tsx';
import { fill } from '../i18n/strings.ts';
import type { Direction } from '../lib/grid.ts';
import { formatCellValue, parseCellText } from '../lib/numbers.ts';
import { SEVERITY_ICON } from './flags.ts';

export interface CellInputProps {
  path: string;
  value: number | null | undefined;
  /** The text last typed or read from the document, when it still matches the value. */
  raw: string | undefined;
  /** Accessible name: the cell described by its row and column labels. */
  label: string;
  severity?: Severity | undefined;
  message?: string | undefined;
  onCommit(path: string, value: number | null, raw: string): void;
  /** Returns true when the paste was a block and has been handled. */
  onPasteBlock(path: string, text: string): boolean;
  onMove(path: string, direction: Direction): void;
}

function tipId(path: string): string {
  return `tip-${path.replace(/\./g, '-')}`;
}

function atStart(input: HTMLInputElement): boolean {
  const all = input.selectionStart === 0 && input.selectionEnd === input.value.length;
  return all || (input.selectionStart === 0 && input.selectionEnd === 0);
}

function atEnd(input: HTMLInputElement): boolean {
  const n = input.value.length;
  const all = input.selectionStart === 0 && input.selectionEnd === n;
  return all || (input.selectionStart === n && input.selectionEnd === n);
}

/**
 * One value cell of an official table: spreadsheet keys (arrows, Enter), block
 * paste, and its findings shown by outline, icon, `aria-invalid` and a message
 * on hover and focus (`aria-describedby`).
 */
export const CellInput = memo(function CellInput(props: CellInputProps) {
  const { path, value, raw, label, severity, message, onCommit, onPasteBlock, onMove } = props;
  const { t } = useUi();
  // Text being typed that is not (yet) a number stays here, not in the report.
  const [draft, setDraft] = useState<string | null>(null);
  const rawMatches =
    raw !== undefined &&
    (() => {
      const p = parseCellText(raw);
      return p.ok && p.value === (value ?? null);
    })();
  const shown = draft ?? (rawMatches ? raw : formatCellValue(value));
  const invalid = draft !== null && !parseCellText(draft).ok;
  const tip = invalid ? fill(t.notANumber, { text: draft }) : message;
  const marked = invalid ? 'error' : severity;

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    let direction: Direction | undefined;
    if (e.key === 'ArrowUp') direction = 'up';
    else if (e.key === 'ArrowDown') direction = 'down';
    else if (e.key === 'Enter') direction = e.shiftKey ? 'up' : 'down';
    else if (e.key === 'ArrowLeft' && atStart(input)) direction = 'left';
    else if (e.key === 'ArrowRight' && atEnd(input)) direction = 'right';
    if (!direction || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    onMove(path, direction);
  }

  function onPaste(e: ClipboardEvent<HTMLInputElement>) {
    const text = e.clipboardData.getData('text/plain');
    if (onPasteBlock(path, text)) {
      e.preventDefault();
      setDraft(null);
    }
  }

  return (
    <div className={`cell${marked ? ` flagged flag-${marked}` : ''}`}>
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        data-cell={path}
        aria-label={label}
        aria-invalid={marked === 'error' || marked === 'warning' ? true : undefined}
        aria-describedby={tip ? tipId(path) : undefined}
        value={shown}
        onChange={(e) => {
          const text = e.currentTarget.value;
          setDraft(text);
          const parsed = parseCellText(text);
          if (parsed.ok) onCommit(path, parsed.value, text.trim());
        }}
        onBlur={() => {
          if (draft !== null && parseCellText(draft).ok) setDraft(null);
        }}
        onFocus={(e) => e.currentTarget.select()}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
      />
      {marked && (
        <span className="cell-icon" aria-hidden="true">
          {SEVERITY_ICON[marked]}
        </span>
      )}
      {tip && (
        <span className="cell-tip" role="tooltip" id={tipId(path)}>
          {tip}
        </span>
      )}
    </div>
  );
});
