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
  /** Text typed into the cell that is not a number, kept as typed (the report holds null). */
  typed?: string | undefined;
  /** Accessible name: the cell described by its row and column labels. */
  label: string;
  severity?: Severity | undefined;
  message?: string | undefined;
  onCommit(path: string, value: number | null, raw: string): void;
  /** Text that is not a number was typed: kept as typed, the cell counts as no number. */
  onText?(path: string, text: string): void;
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
  const {
    path,
    value,
    raw,
    typed,
    label,
    severity,
    message,
    onCommit,
    onText,
    onPasteBlock,
    onMove,
  } = props;
  const { t } = useUi();
  // The text being typed. It stays while the form holds what it says (the number read from
  // it, or the same text kept as not a number); a change from outside (a fix, an undo,
  // another draft) replaces it.
  const [editing, setEditing] = useState<string | null>(null);
  const held = `${value ?? null}\u0001${typed ?? ''}`;
  const [seen, setSeen] = useState(held);
  if (seen !== held) {
    setSeen(held);
    if (editing !== null) {
      const p = parseCellText(editing);
      const same = p.ok ? p.value === (value ?? null) : typed === editing.trim();
      if (!same) setEditing(null);
    }
  }
  const draft = editing;
  const rawMatches =
    raw !== undefined &&
    (() => {
      const p = parseCellText(raw);
      return p.ok && p.value === (value ?? null);
    })();
  const shown = draft ?? typed ?? (rawMatches ? raw : formatCellValue(value));
  const badText = draft !== null && !parseCellText(draft).ok ? draft : typed;
  const invalid = badText !== undefined;
  // The form's own finding (with its "改为 N") speaks for a kept text; else the plain note.
  const tip =
    invalid && !(typed !== undefined && message) ? fill(t.notANumber, { text: badText }) : message;
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
      setEditing(null);
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
          setEditing(text);
          const parsed = parseCellText(text);
          if (parsed.ok) onCommit(path, parsed.value, text.trim());
          else onText?.(path, text.trim());
        }}
        onBlur={() => {
          if (editing !== null && (onText || parseCellText(editing).ok)) setEditing(null);
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
