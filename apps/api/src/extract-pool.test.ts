import { afterEach, describe, expect, it } from 'vitest';
import {
  ClientGone,
  createWorkPool,
  DeadlineExceeded,
  ExtractionTimeout,
  type PoolOptions,
  QueueFull,
  WorkerCrashed,
  type WorkPool,
} from './extract-pool.ts';
import type { Job, JobResult } from './jobs.ts';

const workerUrl = new URL('../test/fixtures/fake-extract-worker.mjs', import.meta.url);
const job = (text: string): Job => ({
  kind: 'check',
  input: { kind: 'text', text },
  options: {},
  locale: 'zh-CN',
  provenance: false,
  all: false,
});
const meta = (r: JobResult) => {
  if (!r.ok) throw new Error(`not ok: ${r.slug}`);
  return JSON.parse(r.json).report.meta as { title: string; startedAt: number };
};

let pool: WorkPool | undefined;
const open = (options: Partial<PoolOptions> = {}) => {
  pool = createWorkPool({ workerUrl, ...options });
  return pool;
};
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('createWorkPool', () => {
  it('answers jobs from the worker threads, in parallel and in order of their callers', async () => {
    const p = open({ size: 2 });
    const results = await Promise.all(p.submit(['a', 'b', 'c', 'd', 'e'].map(job)));
    expect(results.map((r) => meta(r).title)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('abandons a document over the time limit and keeps serving the others', async () => {
    const p = open({ size: 1, spare: 0, timeoutMs: 1_000 });
    const started = Date.now();
    const [hung, queued] = p.submit([job('hang'), job('after')]);
    await expect(hung).rejects.toBeInstanceOf(ExtractionTimeout);
    expect(Date.now() - started).toBeLessThan(5_000);
    // The queued document ran on the replacement worker.
    expect(meta(await queued!).title).toBe('after');
  });

  it.each(['process', 'thread'] as const)(
    'passes a worker error on, and survives a worker (%s) that exits or runs out of heap',
    async (isolation) => {
      const p = open({ size: 1, spare: 0, heapMb: 48, isolation });
      await expect(p.submit([job('throw')])[0]).rejects.toThrow('thrown in the worker');
      const exited = await p.submit([job('exit')])[0]!.catch((e: unknown) => e);
      expect(exited).toBeInstanceOf(WorkerCrashed);
      expect((exited as WorkerCrashed).outOfMemory).toBe(false);
      const oom = await p.submit([job('oom')])[0]!.catch((e: unknown) => e);
      expect(oom).toBeInstanceOf(WorkerCrashed);
      expect(oom).toMatchObject({ outOfMemory: true, heapMb: 48 });
      expect(meta(await p.submit([job('still here')])[0]!).title).toBe('still here');
    },
    30_000,
  );

  it('takes jobs round-robin by client: a second client does not wait behind a first one’s batch', async () => {
    const p = open({ size: 1, spare: 0 });
    // Warm the worker, so that the first batch starts at once.
    await p.submit([job('warm')])[0];
    const a = p.submit(
      ['a1', 'a2', 'a3', 'a4'].map((t) => job(`sleep:150 ${t}`)),
      {
        client: 'A',
      },
    );
    const b = p.submit([job('sleep:150 b1'), job('sleep:150 b2')], { client: 'B' });
    const done = await Promise.all([...a, ...b]);
    const order = done
      .map(meta)
      .sort((x, y) => x.startedAt - y.startedAt)
      .map((m) => m.title.split(' ')[1]);
    expect(order).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'a4']);
  });

  it('keeps a spare worker for a client with nothing running while all others are busy', async () => {
    const p = open({ size: 1, spare: 1 });
    await p.submit([job('warm')])[0];
    const hostile = p.submit([job('sleep:4000 x'), job('sleep:4000 y')], { client: 'A' });
    const started = Date.now();
    const [third] = p.submit([job('quick')], { client: 'C' });
    expect(meta(await third!).title).toBe('quick');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(p.stats().workers).toBe(2);
    await Promise.all(hostile);
  }, 20_000);

  it('gives a newcomer a worker at once even when one client holds them all (its latest job waits again)', async () => {
    const p = open({ size: 2, spare: 0 });
    await Promise.all(p.submit([job('warm1'), job('warm2')]));
    const batch = p.submit(
      ['a1', 'a2', 'a3'].map((t) => job(`sleep:1500 ${t}`)),
      { client: 'A' },
    );
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    const [quick] = p.submit([job('quick')], { client: 'C' });
    expect(meta(await quick!).title).toBe('quick');
    expect(Date.now() - started).toBeLessThan(1_400);
    // The preempted job ran again later: every document of the batch is answered.
    expect((await Promise.all(batch)).map((r) => meta(r).title)).toEqual([
      'sleep:1500 a1',
      'sleep:1500 a2',
      'sleep:1500 a3',
    ]);
  }, 20_000);

  it('limits what one client may have waiting or running (QueueFull with Retry-After), not others', async () => {
    const p = open({ size: 1, spare: 0, queuePerClient: 3 });
    const first = p.submit([job('sleep:300 1'), job('sleep:300 2')], { client: 'A' });
    let refused: unknown;
    try {
      p.submit([job('3'), job('4')], { client: 'A' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(QueueFull);
    expect((refused as QueueFull).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // Another client is not concerned; one more of A's still fits.
    const other = p.submit([job('b')], { client: 'B' });
    const more = p.submit([job('3')], { client: 'A' });
    await Promise.all([...first, ...other, ...more]);
    // A client with nothing pending may always send one request, even a big one.
    expect(
      await Promise.all(p.submit(['x', 'y', 'z', 'w'].map(job), { client: 'A' })),
    ).toHaveLength(4);
  });

  it('drops queued jobs and terminates running ones when the request is aborted', async () => {
    const p = open({ size: 1, spare: 0 });
    await p.submit([job('warm')])[0];
    const controller = new AbortController();
    const [running, queued] = p.submit([job('hang'), job('never')], {
      client: 'A',
      signal: controller.signal,
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(p.stats()).toMatchObject({ busy: 1, queued: 1 });
    const started = Date.now();
    controller.abort(new ClientGone());
    await expect(running).rejects.toBeInstanceOf(ClientGone);
    await expect(queued).rejects.toBeInstanceOf(ClientGone);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(p.stats()).toMatchObject({ queued: 0, clients: 0 });
    // The hung worker was replaced.
    expect(meta(await p.submit([job('next')])[0]!).title).toBe('next');
  });

  it('ends all of a request’s jobs at its deadline (the abort reason)', async () => {
    const p = open({ size: 1, spare: 0, timeoutMs: 60_000 });
    await p.submit([job('warm')])[0];
    const controller = new AbortController();
    setTimeout(() => controller.abort(new DeadlineExceeded(500)), 500);
    const started = Date.now();
    const jobs = p.submit([job('sleep:300 a'), job('hang'), job('c')], {
      signal: controller.signal,
    });
    const settled = await Promise.allSettled(jobs);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(settled[0]!.status).toBe('fulfilled');
    expect(settled.slice(1).map((s) => s.status === 'rejected' && s.reason.name)).toEqual([
      'DeadlineExceeded',
      'DeadlineExceeded',
    ]);
  });

  it('refuses work once closed', async () => {
    const p = open({ size: 1 });
    await p.close();
    await expect(p.submit([job('late')])[0]).rejects.toThrow(/closed/);
  });
});
