import { blankReport, setCell } from '@nianbao/schema';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Draft, DraftStore } from './drafts.ts';
import { classifyIncoming, contentKey, DraftSync, stableJson } from './drafts-sync.ts';
import { LimitedStorage } from './drafts-testing.ts';

function draft(cells: Record<string, number> = {}): Draft {
  let report = blankReport('2021');
  report.meta = { agencyName: '嵩县公安局', reportYear: 2023 };
  for (const [path, value] of Object.entries(cells)) report = setCell(report, path, value);
  return { id: 'd', updatedAt: '2024-01-01T00:00:00Z', report };
}

const A = 'appeals.review.upheld';
const B = 'appeals.review.corrected';

/** Two tabs: the same storage, each with its own store and memory of what it saw. */
function twoTabs() {
  const storage = new LimitedStorage(1_000_000);
  const first = new DraftStore(storage);
  first.save(draft());
  const tab = () => {
    const store = new DraftStore(storage);
    const sync = new DraftSync(store);
    const loaded = store.load('d');
    if (!loaded?.ok) throw new Error('not saved');
    sync.adopt(loaded.draft);
    return { store, sync };
  };
  return { storage, one: tab(), two: tab() };
}

const stored = (store: DraftStore, id = 'd') => {
  const loaded = store.load(id);
  if (!loaded?.ok) throw new Error(`no draft ${id}`);
  return loaded.draft;
};

describe('stableJson / contentKey', () => {
  it('reads the same report the same whatever the order of its keys', () => {
    expect(stableJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      stableJson({ a: { c: null, d: [2, { e: 0, f: 1 }] }, b: 1 }),
    );
    const d = draft({ [A]: 1 });
    expect(contentKey(d)).toBe(contentKey(JSON.parse(JSON.stringify(d))));
    expect(contentKey(d)).not.toBe(contentKey(draft({ [A]: 2 })));
  });
});

describe('classifyIncoming', () => {
  const base = { ...draft(), rev: 'r0' };
  const seen = { rev: 'r0', content: contentKey(base) };
  it('the same content: nothing to ask', () => {
    const theirs = { ...draft(), rev: 'r1', parentRev: 'r0' };
    expect(classifyIncoming(seen, draft(), theirs).kind).toBe('same');
  });
  it('edited from what this tab saw, nothing unsaved here: newer', () => {
    const theirs = { ...draft({ [A]: 1 }), rev: 'r1', parentRev: 'r0' };
    expect(classifyIncoming(seen, draft(), theirs).kind).toBe('newer');
  });
  it('both edited: conflict', () => {
    const theirs = { ...draft({ [A]: 1 }), rev: 'r1', parentRev: 'r0' };
    expect(classifyIncoming(seen, draft({ [B]: 2 }), theirs).kind).toBe('conflict');
  });
  it('edited from a version this tab never saw (its own save was overwritten): conflict', () => {
    const theirs = { ...draft({ [A]: 1 }), rev: 'r2', parentRev: 'rX' };
    expect(classifyIncoming(seen, draft(), theirs).kind).toBe('conflict');
  });
});

describe('DraftSync: two tabs on one draft', () => {
  let tabs: ReturnType<typeof twoTabs>;
  beforeEach(() => {
    tabs = twoTabs();
  });

  it('writes over the version it saw, with a new revision naming its parent', () => {
    const { one } = tabs;
    const before = stored(one.store);
    const result = one.sync.save(draft({ [A]: 1 }));
    expect(result.kind).toBe('saved');
    const after = stored(one.store);
    expect(after.rev).toBeTruthy();
    expect(after.parentRev).toBe(before.rev);
    expect(after.report.appeals?.review?.upheld).toBe(1);
    // Saving the same content again writes nothing.
    expect(one.sync.save(draft({ [A]: 1 })).kind).toBe('unchanged');
  });

  it('never writes over the other tab’s newer edit: it reports a conflict, and keeps both when held', () => {
    const { one, two } = tabs;
    expect(one.sync.save(draft({ [A]: 1 })).kind).toBe('saved');
    const result = two.sync.save(draft({ [B]: 2 }));
    expect(result).toMatchObject({ kind: 'incoming', incoming: { kind: 'conflict' } });
    expect(stored(two.store).report.appeals?.review?.upheld).toBe(1); // tab one's edit is still there
    expect(stored(two.store).report.appeals?.review?.corrected).toBeNull();

    // Tab two's version is held aside as a copy: both edits are in storage.
    expect(two.sync.hold(draft({ [B]: 2 }), 'copy').kind).toBe('saved');
    const copy = stored(two.store, 'copy');
    expect(copy.heldFrom).toBe('d');
    expect(copy.report.appeals?.review?.corrected).toBe(2);
    expect(two.store.list().find((d) => d.id === 'copy')?.heldFrom).toBe('d');
    // Later edits follow the copy; the copy keeps its mark.
    expect(two.sync.save({ ...draft({ [B]: 3 }), id: 'copy' }).kind).toBe('saved');
    expect(stored(two.store, 'copy').heldFrom).toBe('d');
  });

  it('notices the other tab’s write after its own saves too (revisions, not contents)', () => {
    const { one, two } = tabs;
    expect(two.sync.save(draft({ [B]: 1 })).kind).toBe('saved');
    // Tab one has not seen tab two's save: its own edit is not written over it.
    expect(one.sync.save(draft({ [A]: 1 }))).toMatchObject({ incoming: { kind: 'conflict' } });
    // Tab two goes on: the stored revision is its own, so it writes.
    expect(two.sync.save(draft({ [B]: 2 })).kind).toBe('saved');
    one.sync.adopt(stored(one.store));
    expect(one.sync.save(draft({ [B]: 2, [A]: 1 })).kind).toBe('saved');
    // Now tab two's next save meets tab one's revision: asked, not written.
    expect(two.sync.save(draft({ [B]: 3 }))).toMatchObject({ incoming: { kind: 'conflict' } });
    expect(stored(two.store).report.appeals?.review?.upheld).toBe(1);
  });

  it('offers the other tab’s version when nothing is unsaved here, and writes nothing', () => {
    const { one, two } = tabs;
    one.sync.save(draft({ [A]: 1 }));
    expect(two.sync.incoming(draft())?.kind).toBe('newer');
    expect(two.sync.save(draft())).toMatchObject({ incoming: { kind: 'newer' } });
    expect(stored(two.store).report.appeals?.review?.upheld).toBe(1);
  });

  it('writes over the other tab’s version only when told to (the user chose), naming it as parent', () => {
    const { one, two } = tabs;
    one.sync.save(draft({ [A]: 1 }));
    const theirs = stored(one.store);
    expect(two.sync.save(draft({ [B]: 2 }), { force: true }).kind).toBe('saved');
    const now = stored(two.store);
    expect(now.report.appeals?.review?.corrected).toBe(2);
    expect(now.parentRev).toBe(theirs.rev);
    // Tab one, with nothing unsaved, is offered it as newer (it was built on its own save).
    expect(one.sync.incoming(draft({ [A]: 1 }))?.kind).toBe('newer');
  });

  it('takes the same content from the other tab quietly', () => {
    const { one, two } = tabs;
    one.sync.save(draft({ [A]: 1 }));
    expect(two.sync.save(draft({ [A]: 1 })).kind).toBe('unchanged');
    expect(two.sync.incoming(draft({ [A]: 1 }))).toBeUndefined();
  });

  it('reports a refused write (storage full) without touching the saved version', () => {
    const { storage, one } = tabs;
    storage.fill();
    const result = one.sync.save(draft({ [A]: 1 }));
    expect(result).toMatchObject({ kind: 'failed', quota: true });
    expect(stored(one.store).report.appeals?.review?.upheld).toBeNull();
    expect(one.sync.hasUnsaved(draft({ [A]: 1 }))).toBe(true);
  });
});
