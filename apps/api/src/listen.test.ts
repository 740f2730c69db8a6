import { request } from 'node:http';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { listen } from './listen.ts';
import { memoryLogger } from './logger.ts';

/** A GET over a real socket; resolves with status and body. */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('listen', () => {
  it('binds 127.0.0.1 on a free port and finishes requests in flight on shutdown', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const app = new Hono();
    app.get('/slow', async (c) => {
      entered();
      await gate;
      return c.text('finished');
    });
    const running = await listen(app.fetch, { port: 0, host: '127.0.0.1', logger: memoryLogger() });
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const inFlight = get(`${running.url}/slow`);
    await inside;
    const stopped = running.shutdown(5_000);
    // New connections are refused once shutdown has begun...
    await expect(get(`${running.url}/slow`)).rejects.toThrow(/ECONNREFUSED/);
    // ...while the request in flight still gets its answer.
    release();
    expect(await inFlight).toEqual({ status: 200, body: 'finished' });
    expect(await stopped).toBe(true);
    expect(running.server.listening).toBe(false);
  });

  it('gives up on a stuck request after the timeout', async () => {
    const app = new Hono();
    app.get('/stuck', () => new Promise<Response>(() => {}));
    const logger = memoryLogger();
    const running = await listen(app.fetch, { port: 0, host: '127.0.0.1', logger });
    const stuck = get(`${running.url}/stuck`).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 50));
    expect(await running.shutdown(100)).toBe(false);
    expect(await stuck).toBeInstanceOf(Error);
    expect(logger.lines.some((l) => l.msg === 'shutdown timed out; closing open connections')).toBe(
      true,
    );
  });

  it('rejects when the port is taken', async () => {
    const app = new Hono();
    const first = await listen(app.fetch, { port: 0, host: '127.0.0.1', logger: memoryLogger() });
    await expect(
      listen(app.fetch, { port: first.port, host: '127.0.0.1', logger: memoryLogger() }),
    ).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await first.shutdown();
  });
});
