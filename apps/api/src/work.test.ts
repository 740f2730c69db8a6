// The request side of the worker pool: one deadline per request, the client's queue
// limit, cancellation when the client goes away, and charsets on every body.
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { json, PROBLEM_TYPE, testApp } from '../test/helpers.ts';
import { createWorkPool, type WorkPool } from './extract-pool.ts';

const workerUrl = new URL('../test/fixtures/fake-extract-worker.mjs', import.meta.url);
let pool: WorkPool | undefined;
const open = (options: Parameters<typeof createWorkPool>[0] extends infer O ? Partial<O> : never) =>
  (pool = createWorkPool({ workerUrl, size: 1, spare: 0, ...options }));
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});
const text = (
  body: string,
  path = '/api/v1/check',
  init: RequestInit = {},
): [string, RequestInit] => [
  path,
  { method: 'POST', body, headers: { 'Content-Type': 'text/plain' }, ...init },
];

describe('one deadline per request', () => {
  it('a single document past the deadline: 503 deadline-exceeded with Retry-After', async () => {
    const { app } = testApp({ REQUEST_DEADLINE_MS: '1000' }, { pool: open({ timeoutMs: 60_000 }) });
    const started = Date.now();
    const res = await app.request(...text('hang', '/api/v1/check?locale=en'));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(PROBLEM_TYPE);
    expect(res.headers.get('retry-after')).toBeTruthy();
    expect(await res.json()).toMatchObject({
      type: 'urn:nianbao:problem:deadline-exceeded',
      detail: expect.stringContaining('1 s'),
    });
  });

  it('a batch shares one deadline: documents done are answered, the others carry the problem', async () => {
    const { app } = testApp({ REQUEST_DEADLINE_MS: '1500' }, { pool: open({ timeoutMs: 60_000 }) });
    const res = await app.request(
      '/api/v1/check/batch',
      json([{ text: 'sleep:100 a' }, { text: 'hang' }, { text: 'c' }]),
    );
    expect(res.status).toBe(200);
    const { results, summary } = await res.json();
    expect(results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, false]);
    expect(results[1].problem.type).toBe('urn:nianbao:problem:deadline-exceeded');
    expect(summary).toMatchObject({ documents: 3, failed: 3 });
  });
});

describe('the client queue limit', () => {
  it('answers 503 queue-full with Retry-After beyond QUEUE_PER_CLIENT', async () => {
    const { app } = testApp({ QUEUE_PER_CLIENT: '2' }, { pool: open({ queuePerClient: 2 }) });
    const busy = app.request('/api/v1/check/batch', json([{ text: 'sleep:800 a' }, { text: 'b' }]));
    await new Promise((r) => setTimeout(r, 100));
    const res = await app.request(...text('one more'));
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await res.json()).type).toBe('urn:nianbao:problem:queue-full');
    expect((await busy).status).toBe(200);
    // Served again once its documents are done.
    expect((await app.request(...text('later'))).status).toBe(200);
  });
});

describe('cancellation', () => {
  it('drops the work of a request whose client went away, and the worker serves the next', async () => {
    const p = open({ timeoutMs: 60_000 });
    const { app, logger } = testApp({}, { pool: p });
    await app.request(...text('warm'));
    const controller = new AbortController();
    const gone = app.request(...text('hang', '/api/v1/check', { signal: controller.signal }));
    await new Promise((r) => setTimeout(r, 300));
    expect(p.stats()).toMatchObject({ busy: 1 });
    const started = Date.now();
    controller.abort();
    const res = await gone;
    expect(res.status).toBe(499);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(p.stats()).toMatchObject({ busy: 0, queued: 0, clients: 0 });
    expect(logger.lines.some((l) => l.status === 499)).toBe(true);
    const next = await app.request(...text('next'));
    expect((await next.json()).report.meta.title).toBe('next');
  });
});

describe('charsets', () => {
  it.each([
    'text/html; charset=foo',
    'text/plain; charset=x-nope',
    'application/json; charset=foo',
  ])('%s: 400 bad-request naming the charset', async (type) => {
    const { app } = testApp();
    const res = await app.request('/api/v1/check?locale=en', {
      method: 'POST',
      body: '{"text":"x"}',
      headers: { 'Content-Type': type },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.type).toBe('urn:nianbao:problem:bad-request');
    expect(body.detail).toMatch(/unknown charset/);
  });

  it('a multipart part with an unknown charset: 400 on /check, its slot in a batch', async () => {
    const { app } = testApp();
    const form = new FormData();
    form.append('file', new File(['<p>x</p>'], 'a.html', { type: 'text/html; charset=foo' }));
    const res = await app.request('/api/v1/check', { method: 'POST', body: form });
    expect(res.status).toBe(400);
    const batch = new FormData();
    batch.append('files', new File(['<p>x</p>'], 'a.html', { type: 'text/html; charset=foo' }));
    batch.append('files', new File(['你好'], 'b.txt', { type: 'text/plain' }));
    const { results } = await (
      await app.request('/api/v1/check/batch', { method: 'POST', body: batch })
    ).json();
    expect(results.map((r: { ok: boolean }) => r.ok)).toEqual([false, true]);
    expect(results[0].problem.type).toBe('urn:nianbao:problem:bad-request');
  });

  it('application/json; charset=gbk is decoded as labelled on /check, /check/batch and /validate', async () => {
    const { app } = testApp();
    const seed = readFileSync(
      new URL('../../../corpus/seed/000_42380e1adf95d416.txt', import.meta.url),
      'utf8',
    );
    const gbk = (value: unknown) => new Uint8Array(iconv.encode(JSON.stringify(value), 'gbk'));
    const headers = { 'Content-Type': 'application/json; charset=GBK' };
    const single = await app.request('/api/v1/check', {
      method: 'POST',
      body: gbk({ text: seed }),
      headers,
    });
    expect(single.status).toBe(200);
    const checked = await single.json();
    expect(checked.report.meta.agencyName).toBe('嵩县公安局');
    const batch = await app.request('/api/v1/check/batch', {
      method: 'POST',
      body: gbk([{ name: '嵩县', text: seed }]),
      headers,
    });
    expect((await batch.json()).results[0]).toMatchObject({ name: '嵩县', ok: true });
    const validated = await app.request('/api/v1/validate', {
      method: 'POST',
      body: gbk(checked.report),
      headers,
    });
    expect(validated.status).toBe(200);
    expect((await validated.json()).summary.reportYear).toBe(2020);
  });
});
