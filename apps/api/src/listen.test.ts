import { request } from 'node:http';
import { connect } from 'node:net';
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

  it.each([
    [
      'headers too large',
      `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`,
      431,
      'request-header-too-large',
    ],
    ['an unknown method', 'BREW / HTTP/1.1\r\nHost: x\r\n\r\n', 501, 'method-not-implemented'],
    [
      'CONNECT',
      'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n',
      501,
      'method-not-implemented',
    ],
    [
      'bad chunking',
      'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n',
      400,
      'malformed-request',
    ],
  ])(
    'answers Node-level rejects (%s) with problem+json, logged as client errors',
    async (_name, request, status, slug) => {
      const app = new Hono();
      app.all('*', async (c) => c.text(await c.req.text()));
      const logger = memoryLogger();
      const running = await listen(app.fetch, { port: 0, host: '127.0.0.1', logger });
      try {
        const answer = await new Promise<string>((resolve) => {
          const socket = connect(running.port, '127.0.0.1');
          let out = '';
          socket.on('data', (d) => (out += d));
          socket.on('close', () => resolve(out));
          socket.on('error', () => resolve(out));
          socket.write(request);
          setTimeout(() => socket.end(), 2_000);
        });
        const [head, body] = answer.split('\r\n\r\n');
        expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
        expect(head).toMatch(/content-type: application\/problem\+json/i);
        expect(JSON.parse(body!)).toMatchObject({ type: `urn:nianbao:problem:${slug}`, status });
        expect(logger.lines.some((l) => l.msg === 'client error' && l.problem === slug)).toBe(true);
        expect(logger.lines.some((l) => l.level === 'error')).toBe(false);
      } finally {
        await running.shutdown(1_000);
      }
    },
  );
});
