import { blankReport, setCell } from '@nianbao/schema';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Draft, DraftStore, isQuotaError } from './drafts.ts';
import { LimitedStorage } from './drafts-testing.ts';

function draft(id: string, agencyName: string, updatedAt: string): Draft {
  const report = setCell(blankReport('2019'), 'appeals.review.total', 3);
  report.meta = { agencyName, reportYear: 2020 };
  return { id, updatedAt, report };
}

describe('DraftStore', () => {
  let store: DraftStore;
  beforeEach(() => {
    localStorage.clear();
    store = new DraftStore();
  });

  it('keeps several drafts, newest first, and reads them back', () => {
    expect(store.persistent).toBe(true);
    store.save(draft('a', '嵩县公安局', '2021-01-01T00:00:00Z'));
    store.save(draft('b', '平潭综合实验区财政金融局', '2021-02-01T00:00:00Z'));
    expect(store.list().map((d) => d.agencyName)).toEqual([
      '平潭综合实验区财政金融局',
      '嵩县公安局',
    ]);
    const loaded = store.load('a');
    expect(loaded?.ok && loaded.draft.report.appeals?.review?.total).toBe(3);
  });

  it('deletes a draft and forgets it as the current one', () => {
    store.save(draft('a', 'x', '2021-01-01T00:00:00Z'));
    store.setCurrent('a');
    store.remove('a');
    expect(store.list()).toEqual([]);
    expect(store.currentId()).toBeUndefined();
    expect(store.load('a')).toBeUndefined();
  });

  it.each([
    ['broken JSON', '{"report": {"format": "2019"', /JSON/],
    ['a report the schema refuses', '{"report": {"format": "2018"}}', /format/],
    ['not an object', '42', /object/],
  ])('reports a draft holding %s, with its raw text', (_what, raw, reason) => {
    localStorage.setItem('nianbao.draft.v1.bad', raw);
    const loaded = store.load('bad');
    expect(loaded?.ok).toBe(false);
    if (loaded && !loaded.ok) {
      expect(loaded.error).toMatch(reason);
      expect(loaded.raw).toBe(raw);
    }
    expect(store.list()).toEqual([{ id: 'bad', corrupt: expect.stringMatching(reason) }]);
  });

  it('says so when the storage is full', () => {
    const full = new DraftStore({
      ...localStorage,
      length: 0,
      key: () => null,
      getItem: () => null,
      removeItem: () => {},
      clear: () => {},
      setItem: () => {
        throw new DOMException('quota exceeded', 'QuotaExceededError');
      },
    });
    expect(full.save(draft('a', 'x', '2021-01-01T00:00:00Z'))).toMatch(/quota/);
  });

  it('drops a damaged provenance but keeps the report', () => {
    const d = draft('p', 'x', '2021-01-01T00:00:00Z');
    localStorage.setItem('nianbao.draft.v1.p', JSON.stringify({ ...d, provenance: { cells: 5 } }));
    const loaded = store.load('p');
    expect(loaded?.ok).toBe(true);
    if (loaded?.ok) expect(loaded.draft.provenance).toBeUndefined();
  });

  it('opens on a full storage: every saved draft is listed and readable, a refused save loses nothing', () => {
    const storage = new LimitedStorage(200_000);
    const seed = new DraftStore(storage);
    seed.save(draft('a', '嵩县公安局', '2021-01-01T00:00:00Z'));
    seed.save(draft('b', '平潭综合实验区财政金融局', '2021-02-01T00:00:00Z'));
    storage.fill();

    const full = new DraftStore(storage);
    expect(full.persistent).toBe(true); // not the in-memory fallback: the drafts are still there
    expect(full.full).toBe(true);
    expect(full.list().map((d) => d.id)).toEqual(['b', 'a']);

    const edited = draft('a', '嵩县公安局（修改后）', '2021-03-01T00:00:00Z');
    edited.report.preamble = '根据《中华人民共和国政府信息公开条例》规定，'.repeat(10);
    const outcome = full.write(edited);
    expect(outcome).toMatchObject({ ok: false, quota: true });
    // The saved version is untouched.
    const kept = full.load('a');
    expect(kept?.ok && kept.draft.report.meta.agencyName).toBe('嵩县公安局');

    // Deleting an old draft makes room: the edit is saved, and the storage is no longer full.
    full.remove('b');
    expect(full.write(edited)).toEqual({ ok: true });
    expect(full.full).toBe(false);
    const saved = full.load('a');
    expect(saved?.ok && saved.draft.report.meta.agencyName).toBe('嵩县公安局（修改后）');
  });

  it('stays "full" after a save that fits when no further write would', () => {
    const storage = new LimitedStorage(100_000);
    const store = new DraftStore(storage);
    const d = draft('a', 'x', '2021-01-01T00:00:00Z');
    store.save(d);
    storage.fill();
    expect(store.write({ ...d, updatedAt: '2021-01-02T00:00:00Z' })).toEqual({ ok: true });
    expect(store.full).toBe(true);
  });

  it('falls back to memory only when storage is refused, not when it is full', () => {
    const refused = new DraftStore({
      ...new LimitedStorage(10),
      length: 0,
      key: () => null,
      getItem: () => null,
      removeItem: () => {},
      clear: () => {},
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(refused.full).toBe(false);
  });

  it.each([
    [new DOMException('x', 'QuotaExceededError'), true],
    [{ name: 'NS_ERROR_DOM_QUOTA_REACHED' }, true],
    [{ code: 22 }, true],
    [new DOMException('x', 'SecurityError'), false],
    [new Error('x'), false],
    ['x', false],
  ])('tells a quota error (%s) from others', (error, quota) => {
    expect(isQuotaError(error)).toBe(quota);
  });
});
