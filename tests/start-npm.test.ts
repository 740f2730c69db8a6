/**
 * Black box: `npm start` from the repository root on a free port, as a user runs it.
 * Posts the seed, reads /openapi.json, renders /docs in Chromium with every request
 * that leaves 127.0.0.1 aborted, sends hostile requests, then SIGTERM while a request
 * is in flight: it must finish and the process must exit 0.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPath, readCorpus } from './corpus.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED = readCorpus('seed/000_42380e1adf95d416.txt');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

let child: ChildProcess;
let base: string;
let output = '';
let exited: Promise<number | null>;

async function waitForHealth(deadline: number) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`npm start did not become healthy in time:\n${output}`);
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      // A short window, so that the flood test's client has its quota back for the last test.
      RATE_LIMIT_MAX: '100',
      RATE_LIMIT_WINDOW_MS: '2000',
      SHUTDOWN_TIMEOUT_MS: '60000',
      EXTRACT_TIMEOUT_MS: '8000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  await waitForHealth(Date.now() + 280_000);
}, 300_000);

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

describe('npm start', () => {
  it('serves the API and says where', async () => {
    expect(output).toContain(`nianbao: serving ${base}`);
    const health = await (await fetch(`${base}/healthz`)).json();
    expect(health.status).toBe('ok');
  });

  it('checks the seed posted as text, and its report posted to /validate', async () => {
    const res = await fetch(`${base}/api/v1/check`, {
      method: 'POST',
      body: SEED,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.found).toBe(true);
    expect(body.report.meta).toMatchObject({ agencyName: '嵩县公安局', reportYear: 2020 });
    const flagged = [...body.findings, ...body.diagnostics].map(
      (f: { ruleId: string }) => f.ruleId,
    );
    expect(flagged).toContain('T4-SHAPE');

    const validated = await fetch(`${base}/api/v1/validate?locale=en`, {
      method: 'POST',
      body: JSON.stringify(body.report),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(validated.status).toBe(200);
    const { findings, summary } = await validated.json();
    expect(summary.format).toBe('2019');
    expect(findings.length).toBe(summary.total);
  });

  it('checks a portal page posted as HTML', async () => {
    const res = await fetch(`${base}/api/v1/check`, {
      method: 'POST',
      body: readFileSync(corpusPath('pages/pt-syq-2023.html')),
      headers: { 'Content-Type': 'text/html' },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).report.meta.reportYear).toBe(2023);
  });

  it('publishes OpenAPI 3.1', async () => {
    const doc = await (await fetch(`${base}/openapi.json`)).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/validate',
        '/api/v1/check',
        '/api/v1/check/batch',
        '/api/v1/rules',
      ]),
    );
  });

  it('renders /docs offline in Chromium: Swagger UI lists the operations', async () => {
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    const timeout = setTimeout(() => void browser.close(), 60_000);
    try {
      const page = await browser.newPage();
      const external: string[] = [];
      await page.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === '127.0.0.1') return route.continue();
        external.push(url.href);
        return route.abort();
      });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${base}/docs`);
      await page.waitForSelector('.opblock', { timeout: 30_000 });
      const operations = await page.locator('.opblock-summary-path').allInnerTexts();
      const paths = operations.map((t) => t.replace(/\u200b/g, '').trim());
      expect(paths).toEqual(
        expect.arrayContaining([
          '/api/v1/validate',
          '/api/v1/check',
          '/api/v1/check/batch',
          '/api/v1/rules/{id}',
        ]),
      );
      expect(await page.locator('.info .title').textContent()).toContain('nianbao API');
      expect(external).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      clearTimeout(timeout);
      await browser.close();
    }
  });

  it('answers hostile requests with problem+json and keeps serving', async () => {
    const hostile: Array<[string, RequestInit, number, string]> = [
      [
        '/api/v1/validate',
        { method: 'POST', body: '{"format":', headers: { 'Content-Type': 'application/json' } },
        400,
        'malformed-json',
      ],
      [
        '/api/v1/validate',
        {
          method: 'POST',
          body: '{"format":"1999"}',
          headers: { 'Content-Type': 'application/json' },
        },
        422,
        'invalid-report',
      ],
      [
        '/api/v1/validate',
        { method: 'POST', body: 'a,b', headers: { 'Content-Type': 'text/csv' } },
        415,
        'unsupported-media-type',
      ],
      ['/api/v1/validate', { method: 'DELETE' }, 405, 'method-not-allowed'],
      ['/api/v1/..%2F..%2Fetc%2Fpasswd', {}, 404, 'not-found'],
      [
        '/api/v1/check',
        {
          method: 'POST',
          body: new Uint8Array(11 * 1024 * 1024).fill(0x41),
          headers: { 'Content-Type': 'text/plain' },
        },
        413,
        'payload-too-large',
      ],
      [
        '/api/v1/check/batch',
        {
          method: 'POST',
          body: JSON.stringify(Array(51).fill({ text: 'x' })),
          headers: { 'Content-Type': 'application/json' },
        },
        422,
        'too-many-documents',
      ],
    ];
    for (const [path, init, status, type] of hostile) {
      const res = await fetch(`${base}${path}`, init);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/problem\+json/);
      const body = await res.json();
      expect(body.type, path).toBe(`urn:nianbao:problem:${type}`);
      expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+:\d+/);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    }
  });

  it('abandons a document that takes too long to read, answering health checks meanwhile', async () => {
    // Thousands of nested tables: far beyond any report, slow for any table reader.
    const hostile = fetch(`${base}/api/v1/check?locale=en`, {
      method: 'POST',
      // 80,000 levels: the HTML parser's open-tag stack is still quadratic (47 s here; 40,000 took 7 s).
      body: `<html><body>${'<table><tr><td>'.repeat(80_000)}</body></html>`,
      headers: { 'Content-Type': 'text/html' },
    });
    await new Promise((r) => setTimeout(r, 500));
    const started = Date.now();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    const res = await hostile;
    expect(res.status).toBe(422);
    expect((await res.json()).type).toBe('urn:nianbao:problem:extraction-timeout');
  });

  it('limits a flooding client with 429 and keeps serving the others (health checks)', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 150 }, () =>
        fetch(`${base}/api/v1/rules/T3-COL-BALANCE`).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    const limited = await fetch(`${base}/api/v1/rules?locale=en`);
    expect(limited.status).toBe(429);
    expect((await limited.json()).type).toBe('urn:nianbao:problem:too-many-requests');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('on SIGTERM finishes the request in flight, then exits 0', async () => {
    // A batch of .docx files takes a while to read: it is in flight when the signal comes.
    await new Promise((r) => setTimeout(r, 2_100)); // the flood test's rate-limit window ends
    const docx = readFileSync(
      new URL('../apps/api/test/fixtures/pt-syq-2023.docx', import.meta.url),
    );
    const form = new FormData();
    for (let i = 0; i < 6; i++) form.append('files', new File([docx], `syq-${i}.docx`));
    const inFlight = fetch(`${base}/api/v1/check/batch`, { method: 'POST', body: form });
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    const { results } = await res.json();
    expect(results.map((r: { found: boolean }) => r.found)).toEqual(Array(6).fill(true));
    expect(await exited).toBe(0);
    // The batch was answered after shutdown began, and the shutdown was clean.
    const shutdownAt = output.indexOf('"msg":"shutting down"');
    const batchLoggedAt = output.lastIndexOf('"path":"/api/v1/check/batch"');
    expect(shutdownAt).toBeGreaterThan(0);
    expect(batchLoggedAt).toBeGreaterThan(shutdownAt);
    expect(output).toContain('"msg":"stopped","clean":true');
  });
});
