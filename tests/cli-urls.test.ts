// URLs served by a local server on 127.0.0.1: a GBK page, a 404, a redirect loop,
// a response slower than the timeout, and a 50 MB response past the size limit.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutputErrors, ensureCliBuilt, runCli } from './cli-helpers.ts';
import { corpusPath } from './corpus.ts';

const PAGE = 'pages/pt-syq-2023.html';
let server: Server;
let base: string;
let bigBytesSent = 0;
const userAgents = new Set<string>();

beforeAll(async () => {
  ensureCliBuilt();
  const utf8 = readFileSync(corpusPath(PAGE), 'utf8');
  // The same page as a GBK portal would serve it: GBK bytes, charset in a meta tag only.
  const gbk = iconv.encode(utf8.replace(/<meta charset="utf-8"/i, '<meta charset="gbk"'), 'gbk');
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    userAgents.add(req.headers['user-agent'] ?? '');
    if (url === '/gbk.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(gbk);
    } else if (url === '/gbk-header.html') {
      // Charset only in the header, and a meta that lies: the header wins.
      res.writeHead(200, { 'content-type': 'text/html; charset=GBK' });
      res.end(iconv.encode(utf8.replace(/<meta charset="utf-8"/i, '<meta charset="utf-8"'), 'gbk'));
    } else if (url === '/moved') {
      res.writeHead(301, { location: '/gbk.html' });
      res.end();
    } else if (url.startsWith('/chain/')) {
      // An endless chain of distinct addresses: no loop, but more hops than allowed.
      res.writeHead(302, { location: `/chain/${Number(url.slice(7)) + 1}` });
      res.end();
    } else if (url === '/loop-a') {
      res.writeHead(302, { location: '/loop-b' });
      res.end();
    } else if (url === '/loop-b') {
      res.writeHead(302, { location: '/loop-a' });
      res.end();
    } else if (url === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body>');
      // Never finishes within the client's timeout.
      const timer = setTimeout(() => res.end('</body></html>'), 30_000);
      res.on('close', () => clearTimeout(timer));
    } else if (url === '/big') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const total = 50 * 1024 * 1024;
      const pump = () => {
        while (bigBytesSent < total) {
          bigBytesSent += chunk.length;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => res.destroy());
      pump();
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

interface Result {
  source: string;
  found: boolean;
  agencyName: string | null;
  reportYear: number | null;
  report: { applications?: unknown; meta: { sourceUrl?: string } } | null;
  findings: { fingerprint: string }[];
  error?: { code: string; message: string };
}

describe('nianbao check on URLs', () => {
  it('reads GBK pages like their UTF-8 original, and reports each failure as its own result', async () => {
    const urls = [
      '/gbk.html',
      '/gbk-header.html',
      '/moved',
      '/missing',
      '/loop-a',
      '/chain/1',
      '/slow',
      '/big',
    ].map((p) => base + p);
    const started = Date.now();
    const run = await runCli([
      'check',
      ...urls,
      '--format',
      'json',
      '--timeout',
      '5000',
      '-j',
      '8',
      '--allow-private',
    ]);
    const elapsed = Date.now() - started;
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as {
      results: Result[];
      summary: { exitCode: number; failed: number };
    };
    const by = (p: string) => out.results.find((r) => r.source === base + p)!;
    expect(await checkOutputErrors(out)).toEqual([]);

    const local = JSON.parse(
      (await runCli(['check', corpusPath(PAGE), '--format', 'json'])).stdout,
    ) as {
      results: Result[];
    };
    const original = local.results[0]!;
    expect(original.found).toBe(true);
    for (const p of ['/gbk.html', '/gbk-header.html', '/moved']) {
      const r = by(p);
      expect(r.error, p).toBeUndefined();
      expect(r.found, p).toBe(true);
      expect(r.agencyName, p).toBe(original.agencyName);
      expect(r.reportYear, p).toBe(original.reportYear);
      expect(r.report?.applications, p).toEqual(original.report?.applications);
      expect(r.findings.map((f) => f.fingerprint).sort(), p).toEqual(
        original.findings.map((f) => f.fingerprint).sort(),
      );
    }
    expect(by('/missing').error?.code).toBe('HTTP_404');
    expect(by('/loop-a').error?.code).toBe('REDIRECT_LOOP');
    expect(by('/chain/1').error?.code).toBe('TOO_MANY_REDIRECTS');
    expect([...userAgents]).toEqual(['nianbao-cli']);
    expect(by('/slow').error?.code).toBe('TIMEOUT');
    expect(by('/big').error?.code).toBe('TOO_LARGE');
    // The download stopped near the 10 MB limit instead of reading all 50 MB.
    expect(bigBytesSent).toBeLessThan(50 * 1024 * 1024);
    expect(out.summary.failed).toBe(5);
    expect(out.summary.exitCode).toBe(1);
    expect(run.code).toBe(1);
    // Concurrent: the slow URL's timeout did not add up with the others.
    expect(elapsed).toBeLessThan(30_000);
  });

  it('exits 2 when no URL could be read, and follows a URL list file', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-urls-'));
    const list = path.join(dir, 'urls.txt');
    writeFileSync(list, `# two broken URLs\n${base}/missing\n${base}/loop-a\n`);
    const run = await runCli(['check', '--list', list, '--format', 'json', '--allow-private']);
    expect(run.code).toBe(2);
    const out = JSON.parse(run.stdout);
    expect(out.results.map((r: Result) => r.error?.code)).toEqual(['HTTP_404', 'REDIRECT_LOOP']);
    const text = await runCli(['check', '--list', list, '--allow-private']);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('HTTP 404');
  });

  it('takes last year from a URL with --previous, and says so when it cannot be read', async () => {
    const bad = await runCli([
      'check',
      corpusPath(PAGE),
      '--previous',
      `${base}/missing`,
      '--allow-private',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--previous');
    expect(bad.stderr).toContain('HTTP_404');
  });
});
