import { blankReport, setCell } from '@nianbao/schema';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Draft, DraftStore } from './drafts.ts';

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
});
