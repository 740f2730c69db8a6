/**
 * `npm start` with a bad environment stops with a clear message and exit code 1;
 * the server also stops cleanly on SIGINT (Ctrl-C) and explains a port in use.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER = `${ROOT}apps/api/dist/server.js`;

beforeAll(() => {
  if (existsSync(SERVER)) return;
  const build = spawnSync(
    `${ROOT}node_modules/.bin/turbo`,
    ['run', 'build', '--filter=@nianbao/api'],
    {
      cwd: ROOT,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    },
  );
  if (build.status !== 0) throw new Error(String(build.stderr));
}, 180_000);

describe('npm start with a bad environment', () => {
  it('names every bad variable and exits 1', () => {
    const run = spawnSync('npm', ['start'], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'eighty', BODY_LIMIT: 'huge', RATE_LIMIT: 'sometimes' },
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('nianbao api: invalid configuration:');
    expect(run.stderr).toContain('PORT="eighty": expected a whole number from 0 to 65535');
    expect(run.stderr).toContain('BODY_LIMIT="huge": expected a size such as 10mb');
    expect(run.stderr).toContain('RATE_LIMIT="sometimes": expected on/off');
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });
});

describe('the built server', () => {
  it('stops cleanly on SIGINT', async () => {
    const child = spawn(process.execPath, [SERVER], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    for (let i = 0; i < 200 && !out.includes('nianbao: serving'); i++)
      await new Promise((r) => setTimeout(r, 50));
    const url = /serving (http:\/\/[\d.:]+)/.exec(out)?.[1];
    expect(url).toBeDefined();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toContain('"signal":"SIGINT"');
  });

  it('explains a port in use and exits 1', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      const run = spawnSync(process.execPath, [SERVER], {
        cwd: ROOT,
        env: { ...process.env, PORT: String(port) },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        `port ${port} on 127.0.0.1 is already in use (set PORT to another port)`,
      );
    } finally {
      blocker.close();
    }
  });
});
