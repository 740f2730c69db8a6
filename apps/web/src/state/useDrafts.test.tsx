import { blankReport, type Report, setCell } from '@nianbao/schema';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App.tsx';
import { type Draft, DraftStore } from '../lib/drafts.ts';
import { LimitedStorage } from '../lib/drafts-testing.ts';

const cell = (path: string) => document.querySelector<HTMLInputElement>(`[data-cell="${path}"]`)!;
const KEY = 'nianbao.draft.v1.';

function report(agencyName: string, cells: Record<string, number> = {}): Report {
  let r = blankReport('2021', 0);
  r.meta = { agencyName, agencyKind: 'dept', reportYear: 2023 };
  for (const [path, value] of Object.entries(cells)) r = setCell(r, path, value);
  return r;
}

const stored = (id: string, storage: Storage = localStorage): Draft =>
  JSON.parse(storage.getItem(KEY + id) ?? 'null');

beforeEach(() => {
  history.replaceState(null, '', '/');
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('drafts on a full storage', () => {
  function fullStorage() {
    const storage = new LimitedStorage(300_000);
    const seed = new DraftStore(storage);
    seed.save({ id: 'old', updatedAt: '2023-01-01T00:00:00Z', report: report('嵩县公安局') });
    seed.save({
      id: 'cur',
      updatedAt: '2024-02-01T00:00:00Z',
      report: report('平潭综合实验区社会事业局'),
    });
    seed.setCurrent('cur');
    storage.fill();
    return storage;
  }

  it('lists the saved drafts, says what to do, and saves the edit once an old draft is deleted', async () => {
    const storage = fullStorage();
    const user = userEvent.setup();
    render(<App store={new DraftStore(storage)} />);
    // The saved drafts are listed and the open one is shown.
    const list = document.querySelector('.draft-list')!;
    expect(list.querySelectorAll('[data-draft]').length).toBe(2);
    expect(list.textContent).toContain('嵩县公安局');
    expect((screen.getByLabelText('机关名称') as HTMLInputElement).value).toBe(
      '平潭综合实验区社会事业局',
    );
    // The message says what to do and offers it.
    const message = document.querySelector<HTMLElement>('[data-storage-full]')!;
    expect(message.getAttribute('role')).toBe('alert');
    expect(message.textContent).toMatch(/存储空间已满/);
    expect(message.textContent).toMatch(/导出 JSON/);
    expect(message.textContent).toMatch(/删除.*旧草稿/);
    expect(within(message).getByRole('button', { name: '导出 JSON 备份' })).toBeTruthy();

    // The form stays usable; the edit cannot be saved yet, and nothing saved is lost.
    await user.type(
      document.querySelector<HTMLInputElement>('[data-meta="title"]')!,
      '（修订稿）'.repeat(20),
    );
    await act(() => new Promise((r) => setTimeout(r, 400)));
    expect(cell('appeals.review.upheld').value).toBe('0');
    expect(stored('cur', storage).report.meta.title).toBeUndefined();
    expect(stored('old', storage).report.meta.agencyName).toBe('嵩县公安局');
    expect(document.querySelector('[data-storage-full]')).not.toBeNull();

    // Export the report in the form (a download of its JSON).
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:x');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: () => {} }));
    await user.click(within(message).getByRole('button', { name: '导出 JSON 备份' }));
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    const blob = createObjectURL.mock.calls[0]![0];
    expect(JSON.parse(await blob.text()).meta.title).toContain('（修订稿）');

    // Delete old drafts: the other drafts, oldest first, each with export and delete.
    await user.click(within(message).getByRole('button', { name: '删除旧草稿…' }));
    const old = document.querySelector<HTMLElement>('[data-old-draft="old"]')!;
    expect(document.querySelector('[data-old-draft="cur"]')).toBeNull();
    vi.stubGlobal('confirm', () => true);
    await user.click(within(old).getByRole('button', { name: '删除' }));
    // Room was made: the edit is saved at once and the message goes.
    await waitFor(() => expect(stored('cur', storage).report.meta.title).toContain('（修订稿）'));
    expect(storage.getItem(`${KEY}old`)).toBeNull();
    expect(document.querySelector('[data-storage-full]')).toBeNull();
  });
});

describe('two tabs on one draft', () => {
  function openDraft(): Draft {
    const d: Draft = {
      id: 'test',
      updatedAt: '2024-01-01T00:00:00Z',
      report: report('嵩县公安局'),
    };
    const store = new DraftStore();
    store.save(d);
    store.setCurrent('test');
    return d;
  }

  /** The other tab saves its version, edited from the draft as first saved; the event arrives. */
  function otherTabSaves(cells: Record<string, number>, { event = true } = {}) {
    const theirs: Draft = {
      id: 'test',
      report: report('嵩县公安局', cells),
      updatedAt: new Date().toISOString(),
      rev: 'other-tab-rev',
    };
    const text = JSON.stringify(theirs);
    localStorage.setItem(`${KEY}test`, text);
    if (event) {
      act(() => {
        window.dispatchEvent(new StorageEvent('storage', { key: `${KEY}test`, newValue: text }));
      });
    }
  }

  async function editHere(user: ReturnType<typeof userEvent.setup>, path: string, text: string) {
    await user.clear(cell(path));
    await user.type(cell(path), text);
  }

  it('holds this tab’s edit aside and asks, when both tabs edited the draft', async () => {
    openDraft();
    const user = userEvent.setup();
    render(<App />);
    await editHere(user, 'appeals.review.corrected', '2');
    otherTabSaves({ 'appeals.review.upheld': 1 });

    const prompt = document.querySelector<HTMLElement>('[data-conflict="conflict"]')!;
    expect(prompt).not.toBeNull();
    expect(prompt.getAttribute('role')).toBe('alert');
    expect(prompt.textContent).toMatch(/另一个标签页/);
    for (const name of [/保留此标签页的版本/, /采用另一个标签页的版本/, /两个都保留/]) {
      expect(within(prompt).getByRole('button', { name })).toBeTruthy();
    }
    // Both versions are saved before anything is chosen: the other tab's where it was,
    // this tab's as a copy, listed.
    expect(stored('test').report.appeals?.review?.upheld).toBe(1);
    expect(stored('test').report.appeals?.review?.corrected).toBe(0);
    const copies = Object.keys(localStorage)
      .filter((k) => k.startsWith(KEY))
      .map((k) => JSON.parse(localStorage.getItem(k)!) as Draft)
      .filter((d) => d.heldFrom === 'test');
    expect(copies).toHaveLength(1);
    expect(copies[0]!.report.appeals?.review?.corrected).toBe(2);
    await waitFor(() =>
      expect(document.querySelector(`[data-draft="${copies[0]!.id}"]`)?.textContent).toMatch(
        /副本/,
      ),
    );
    // Further edits here go to the copy, never over the other tab's version.
    await editHere(user, 'appeals.review.other', '5');
    await act(() => new Promise((r) => setTimeout(r, 400)));
    expect(stored('test').report.appeals?.review?.other).toBe(0);
    expect(stored(copies[0]!.id).report.appeals?.review?.other).toBe(5);

    // Keep both: this tab goes on with its version as its own draft.
    await user.click(within(prompt).getByRole('button', { name: /两个都保留/ }));
    expect(document.querySelector('[data-notice="other-tab"]')).toBeNull();
    expect(cell('appeals.review.corrected').value).toBe('2');
    expect(cell('appeals.review.upheld').value).toBe('0');
    expect(document.querySelector(`[data-draft="${copies[0]!.id}"]`)?.textContent).toMatch(/当前/);
    expect(stored('test').report.appeals?.review?.upheld).toBe(1);
    // The copy is now an ordinary draft of this tab: edits are saved to it, nothing is asked.
    await editHere(user, 'appeals.review.pending', '4');
    await waitFor(() => expect(stored(copies[0]!.id).report.appeals?.review?.pending).toBe(4));
    expect(document.querySelector('[data-notice="other-tab"]')).toBeNull();
    expect(stored('test').report.appeals?.review?.pending).toBe(0);
  });

  it('keeps this tab’s version over the other’s only when told to, and drops the copy', async () => {
    openDraft();
    const user = userEvent.setup();
    render(<App />);
    await editHere(user, 'appeals.review.corrected', '2');
    otherTabSaves({ 'appeals.review.upheld': 1 });
    await user.click(screen.getByRole('button', { name: /保留此标签页的版本/ }));
    expect(stored('test').report.appeals?.review?.corrected).toBe(2);
    expect(stored('test').report.appeals?.review?.upheld).toBe(0);
    expect(new DraftStore().list().map((d) => d.id)).toEqual(['test']);
  });

  it('takes the other tab’s version when chosen, and drops the copy', async () => {
    openDraft();
    const user = userEvent.setup();
    render(<App />);
    await editHere(user, 'appeals.review.corrected', '2');
    otherTabSaves({ 'appeals.review.upheld': 1 });
    await user.click(screen.getByRole('button', { name: /采用另一个标签页的版本/ }));
    expect(cell('appeals.review.upheld').value).toBe('1');
    expect(cell('appeals.review.corrected').value).toBe('0');
    await act(() => new Promise((r) => setTimeout(r, 400)));
    expect(stored('test').report.appeals?.review?.upheld).toBe(1);
    expect(new DraftStore().list().map((d) => d.id)).toEqual(['test']);
  });

  it('does not write over the other tab’s version even when the storage event never comes', async () => {
    openDraft();
    const user = userEvent.setup();
    render(<App />);
    otherTabSaves({ 'appeals.review.upheld': 1 }, { event: false });
    await editHere(user, 'appeals.review.corrected', '2');
    await waitFor(() =>
      expect(document.querySelector('[data-conflict="conflict"]')).not.toBeNull(),
    );
    expect(stored('test').report.appeals?.review?.upheld).toBe(1);
  });

  it('offers the other tab’s version when nothing is unsaved here, and asks if an edit follows', async () => {
    openDraft();
    const user = userEvent.setup();
    render(<App />);
    await act(() => new Promise((r) => setTimeout(r, 400)));
    otherTabSaves({ 'appeals.review.upheld': 1 });
    expect(document.querySelector('[data-conflict="newer"]')).not.toBeNull();
    await user.click(screen.getByRole('button', { name: '×' }));
    await editHere(user, 'appeals.review.corrected', '2');
    await waitFor(() =>
      expect(document.querySelector('[data-conflict="conflict"]')).not.toBeNull(),
    );
    expect(stored('test').report.appeals?.review?.upheld).toBe(1);
  });
});
