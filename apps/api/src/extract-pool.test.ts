import { afterEach, describe, expect, it } from 'vitest';
import { createExtractorPool, ExtractionTimeout, type PooledExtractor } from './extract-pool.ts';

const workerUrl = new URL('../test/fixtures/fake-extract-worker.mjs', import.meta.url);
const text = (t: string) => ({ kind: 'text' as const, text: t });

let pool: PooledExtractor | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('createExtractorPool', () => {
  it('answers documents from the worker threads, in parallel and in order of their callers', async () => {
    pool = createExtractorPool({ workerUrl, size: 2 });
    const results = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((t) => pool!(text(t), {})));
    expect(results.map((r) => r[0]!.report.meta.title)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('abandons a document over the time limit and keeps serving the others', async () => {
    pool = createExtractorPool({ workerUrl, size: 1, timeoutMs: 1_000 });
    const started = Date.now();
    const hung = pool(text('hang'), {});
    const queued = pool(text('after'), {});
    await expect(hung).rejects.toBeInstanceOf(ExtractionTimeout);
    expect(Date.now() - started).toBeLessThan(5_000);
    // The queued document ran on the replacement worker.
    expect((await queued)[0]!.report.meta.title).toBe('after');
  });

  it('passes a worker error on, and survives a worker that exits', async () => {
    pool = createExtractorPool({ workerUrl, size: 1 });
    await expect(pool(text('throw'), {})).rejects.toThrow('thrown in the worker');
    await expect(pool(text('exit'), {})).rejects.toThrow(/worker stopped/);
    expect((await pool(text('still here'), {}))[0]!.report.meta.title).toBe('still here');
  });

  it('refuses work once closed', async () => {
    pool = createExtractorPool({ workerUrl, size: 1 });
    await pool.close();
    await expect(pool(text('late'), {})).rejects.toThrow(/closed/);
  });
});
