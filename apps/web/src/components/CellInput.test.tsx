import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CellInput } from './CellInput.tsx';

function setup(props: Partial<Parameters<typeof CellInput>[0]> = {}) {
  const onCommit = vi.fn();
  const onMove = vi.fn();
  const onPasteBlock = vi.fn(() => false);
  render(
    <CellInput
      path="appeals.review.total"
      value={null}
      raw={undefined}
      label="表四「行政复议」行「总计」列"
      onCommit={onCommit}
      onMove={onMove}
      onPasteBlock={onPasteBlock}
      {...props}
    />,
  );
  return { input: screen.getByLabelText('表四「行政复议」行「总计」列'), onCommit, onMove };
}

describe('CellInput', () => {
  it('commits every keystroke that reads as a number, with the text as typed', async () => {
    const user = userEvent.setup();
    const { input, onCommit } = setup();
    await user.type(input, '1.50');
    expect(onCommit).toHaveBeenLastCalledWith('appeals.review.total', 1.5, '1.50');
  });

  it('keeps text that is not a number in the field, marked, without changing the report', async () => {
    const user = userEvent.setup();
    const { input, onCommit } = setup({ value: 3 });
    await user.clear(input);
    onCommit.mockClear();
    await user.type(input, 'abc');
    expect(onCommit).not.toHaveBeenCalled();
    expect(input).toHaveProperty('value', 'abc');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const tip = document.getElementById(input.getAttribute('aria-describedby')!);
    expect(tip?.textContent).toContain('不是数字');
  });

  it('shows a finding by outline class, icon, aria-invalid and a described-by message', () => {
    const { input } = setup({ value: 4, severity: 'warning', message: '总计不等于各项之和' });
    expect(input.closest('.cell')?.className).toContain('flag-warning');
    expect(input.parentElement?.querySelector('.cell-icon')?.textContent).toBe('▲');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe(
      '总计不等于各项之和',
    );
  });

  it('an info note describes the cell without calling it invalid', () => {
    const { input } = setup({ value: 4, severity: 'info', message: '提示' });
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBeTruthy();
  });

  it('shows the text as found while it still reads as the value (1511.0000, 251000元)', () => {
    const { input } = setup({ value: 1511, raw: '1511.0000' });
    expect(input).toHaveProperty('value', '1511.0000');
  });

  it('moves with arrows only at the edge of the text, with Enter and Shift+Enter', async () => {
    const user = userEvent.setup();
    const { input, onMove } = setup({ value: 12 });
    await user.click(input); // selects all: left and right leave the cell
    await user.keyboard('{ArrowRight}');
    expect(onMove).toHaveBeenLastCalledWith('appeals.review.total', 'right');
    onMove.mockClear();
    (input as HTMLInputElement).setSelectionRange(1, 1); // caret inside "12"
    await user.keyboard('{ArrowLeft}');
    expect(onMove).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(onMove).toHaveBeenLastCalledWith('appeals.review.total', 'down');
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(onMove).toHaveBeenLastCalledWith('appeals.review.total', 'up');
  });
});
