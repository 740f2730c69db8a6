/**
 * The curl examples of the README's "API" section work as written: each line runs
 * from the repository root against the built server (on a free port instead of 8787).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER = `${ROOT}apps/api/dist/server.js`;

const readme = readFileSync(`${ROOT}README.md`, 'utf8');
const section = readme.slice(
  readme.indexOf('## API'),
  readme.indexOf('\n## ', readme.indexOf('## API') + 1),
);
const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
const commands = block.split('\n').filter((line) => line.startsWith('curl '));

let server: ChildProcess;
let port: number;

beforeAll(async () => {
  if (!existsSync(SERVER)) {
    execFileSync(`${ROOT}node_modules/.bin/turbo`, ['run', 'build', '--filter=@nianbao/api'], {
      cwd: ROOT,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    });
  }
  port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = probe.address() as { port: number };
      probe.close(() => resolve(p));
    });
  });
  server = spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the API server did not start');
}, 120_000);

afterAll(() => {
  server?.kill('SIGTERM');
});

describe('README API examples', () => {
  it('has curl examples that reach the corpus in the repository', () => {
    expect(commands.length).toBeGreaterThanOrEqual(5);
    expect(block).toContain('corpus/');
    // The examples name files relative to the repository root.
    for (const [, file] of block.matchAll(/@([^\s']+)/g))
      expect(existsSync(`${ROOT}${file}`), file).toBe(true);
  });

  it.each(commands.map((c) => [c.slice(0, 90), c]))('%s', (_, command) => {
    const out = execFileSync('sh', ['-c', command.replaceAll(':8787', `:${port}`)], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const body = JSON.parse(out);
    if (command.includes('"2018"')) {
      expect(body.type).toBe('urn:nianbao:problem:invalid-report');
    } else {
      expect(body.type, out.slice(0, 300)).toBeUndefined();
      if (command.includes('/check')) expect(body.found).toBe(true);
      if (command.includes('/validate')) expect(body.summary.format).toBe('2021');
    }
  });
});
