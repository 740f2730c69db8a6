// URL reading refuses loopback, private, link-local and metadata addresses unless
// --allow-private is given: in every notation, directly and after a redirect from a
// "public" host. No public host is reachable here, so NIANBAO_TEST_RESOLVE answers DNS
// for report.example.gov.cn with 127.0.0.1, standing in for a public server; the
// address every redirect leads to is classified as usual.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCli } from './cli-helpers.ts';
import { corpusPath } from './corpus.ts';

const PUBLIC = 'report.example.gov.cn';
let server: Server;
let port: number;
const requests: string[] = [];

beforeAll(async () => {
  ensureCliBuilt();
  const page = readFileSync(corpusPath('pages/pt-syq-2023.html'));
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(`${req.headers.host} ${url.pathname}`);
    if (url.pathname === '/to') {
      res.writeHead(302, { location: url.searchParams.get('u') ?? '/' });
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
}, 180_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

interface Result {
  source: string;
  found: boolean;
  error?: { code: string; message: string };
}

// evil.example.com is listed too: not a reserved test domain, so the hook must ignore it.
const env = { NIANBAO_TEST_RESOLVE: `${PUBLIC}=127.0.0.1,evil.example.com=127.0.0.1` };
async function check(urls: string[], ...flags: string[]) {
  const run = await runCli(['check', ...urls, '-f', 'json', '--timeout', '5000', ...flags], {
    env,
  });
  return { run, results: (JSON.parse(run.stdout) as { results: Result[] }).results };
}

/** The local server written in every notation of a loopback address. */
const loopbackHosts = () => [
  `127.0.0.1:${port}`,
  `127.1:${port}`,
  `2130706433:${port}`,
  `0x7f.1:${port}`,
  `0x7f000001:${port}`,
  `017700000001:${port}`,
  `0177.0.0.1:${port}`,
  `[::1]:${port}`,
  `[::ffff:127.0.0.1]:${port}`,
  `[::ffff:7f00:1]:${port}`,
  `[0:0:0:0:0:ffff:7f00:1]:${port}`,
  `localhost:${port}`,
  `0.0.0.0:${port}`,
];

/** Private, link-local, CGNAT and metadata addresses (nothing answers there: refused before connecting). */
const otherHosts = [
  '10.0.0.1',
  '172.16.0.1',
  '192.168.1.1',
  '169.254.169.254',
  '[fd00:ec2::254]',
  '100.64.0.1',
  '[fe80::1]',
  '[fc00::1]',
  '[::]',
];

describe('URL reading and private addresses', () => {
  it('refuses every notation of a private address, naming --allow-private, without connecting', async () => {
    requests.length = 0;
    const urls = [...loopbackHosts(), ...otherHosts].map((h) => `http://${h}/page.html`);
    const { run, results } = await check(urls);
    expect(run.code).toBe(2);
    expect(results).toHaveLength(urls.length);
    for (const r of results) {
      expect(r.error?.code, r.source).toBe('PRIVATE_ADDRESS');
      expect(r.error?.message, r.source).toMatch(/^拒绝访问内网或本机地址 .+--allow-private/);
    }
    expect(requests).toEqual([]);
  });

  it('refuses a redirect from a public host to a private address, in every notation', async () => {
    requests.length = 0;
    const targets = [...loopbackHosts(), '169.254.169.254', '[fd00:ec2::254]', '10.1.2.3'];
    const urls = targets.map(
      (h) => `http://${PUBLIC}:${port}/to?u=${encodeURIComponent(`http://${h}/page.html`)}`,
    );
    const { results } = await check(urls);
    for (const r of results) expect(r.error?.code, r.source).toBe('PRIVATE_ADDRESS');
    // The public host was asked (it redirected); the private target never was.
    expect(requests.filter((r) => r.endsWith('/to'))).toHaveLength(urls.length);
    expect(requests.filter((r) => r.endsWith('/page.html'))).toEqual([]);
  });

  it('reads the public host itself, and a redirect that stays public', async () => {
    const { results } = await check([
      `http://${PUBLIC}:${port}/page.html`,
      `http://${PUBLIC}:${port}/to?u=/page.html`,
    ]);
    for (const r of results) {
      expect(r.error, r.source).toBeUndefined();
      expect(r.found, r.source).toBe(true);
    }
  });

  it('reads local pages with --allow-private, directly and after a redirect', async () => {
    const { run, results } = await check(
      [
        `http://127.0.0.1:${port}/page.html`,
        `http://2130706433:${port}/page.html`,
        `http://${PUBLIC}:${port}/to?u=${encodeURIComponent(`http://127.0.0.1:${port}/page.html`)}`,
      ],
      '--allow-private',
    );
    expect(run.stderr).toBe('');
    for (const r of results) {
      expect(r.error, r.source).toBeUndefined();
      expect(r.found, r.source).toBe(true);
    }
  });

  it('the test hook cannot open other names, and the refusal speaks English with --locale en', async () => {
    const { results } = await check(
      [`http://localhost:${port}/page.html`, `http://evil.example.com:${port}/page.html`],
      '--locale',
      'en',
    );
    expect(results[0]!.error?.code).toBe('PRIVATE_ADDRESS');
    expect(results[0]!.error?.message).toMatch(/^refused .+--allow-private/);
    // Not a test domain: resolved by real DNS (which fails offline), never by the hook.
    expect(results[1]!.error?.code).toBeDefined();
    expect(results[1]!.found).toBe(false);
  });

  it('refuses --previous on a private address too', async () => {
    const run = await runCli([
      'check',
      corpusPath('pages/pt-syq-2023.html'),
      '--previous',
      `http://127.0.0.1:${port}/page.html`,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('PRIVATE_ADDRESS');
    expect(run.stderr).toContain('--allow-private');
  });
});
