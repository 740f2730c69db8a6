import { MemoryStore } from 'hono-rate-limiter';
import { describe, expect, it } from 'vitest';
import { reportFromValues } from '../test/corpus-reports.ts';
import { json, PROBLEM_TYPE, testApp } from '../test/helpers.ts';
import type { AppEnv } from './context.ts';

const report = reportFromValues('pt-syq-2023');

describe('errors are problem+json with stable types, localised, never a stack', () => {
  it('404 for an unknown path, in both locales', async () => {
    const { app } = testApp();
    const zh = await app.request('/api/v1/nope');
    expect(zh.status).toBe(404);
    expect(zh.headers.get('content-type')).toMatch(PROBLEM_TYPE);
    const zhBody = await zh.json();
    expect(zhBody).toMatchObject({
      type: 'urn:nianbao:problem:not-found',
      status: 404,
      title: '未找到',
      instance: '/api/v1/nope',
    });
    expect(zhBody.detail).toContain('GET /api/v1/nope');
    const en = await app.request('/api/v1/nope', {
      headers: { 'Accept-Language': 'en-US,en;q=0.9' },
    });
    expect(await en.json()).toMatchObject({
      type: 'urn:nianbao:problem:not-found',
      title: 'Not found',
    });
    expect(en.headers.get('content-language')).toBe('en');
  });

  it('405 with Allow when the path exists for another method', async () => {
    const { app } = testApp();
    const res = await app.request('/api/v1/validate', { method: 'PUT', body: '{}' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await res.json()).toMatchObject({ type: 'urn:nianbao:problem:method-not-allowed' });
    // Paths are exact: a trailing slash is another (unknown) path.
    expect((await app.request('/api/v1/validate/', { method: 'GET' })).status).toBe(404);
    const rules = await app.request('/api/v1/rules/T3-COL-BALANCE?locale=en', { method: 'DELETE' });
    expect(rules.status).toBe(405);
    expect(rules.headers.get('allow')).toBe('GET, HEAD');
    expect((await rules.json()).detail).toBe(
      '/api/v1/rules/T3-COL-BALANCE does not support DELETE; it supports GET, HEAD.',
    );
  });

  it('400 for malformed JSON', async () => {
    const { app } = testApp();
    const res = await app.request('/api/v1/validate?locale=en', json('{"format": "2021",'));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({
      type: 'urn:nianbao:problem:malformed-json',
      title: 'Malformed JSON',
    });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('413 over the body limit, measured on the bytes actually sent', async () => {
    const { app } = testApp({ BODY_LIMIT: '1kb' });
    const big = JSON.stringify({ ...report, preamble: '年'.repeat(2000) });
    const res = await app.request('/api/v1/validate', json(big));
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body).toMatchObject({ type: 'urn:nianbao:problem:payload-too-large', status: 413 });
    expect(body.detail).toContain('1024');
    // Without a Content-Length (a stream), the limit still holds.
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await app.request('/api/v1/validate', {
      method: 'POST',
      body: stream,
      headers: { 'Content-Type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('415 for a media type the endpoint does not take, naming the accepted ones', async () => {
    const { app } = testApp();
    const res = await app.request('/api/v1/validate?locale=en', {
      method: 'POST',
      body: JSON.stringify(report),
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(res.status).toBe(415);
    const body = await res.json();
    expect(body.type).toBe('urn:nianbao:problem:unsupported-media-type');
    expect(body.detail).toBe(
      'Content-Type "text/csv" is not supported; use one of: application/json.',
    );
  });

  it('500 with the request id only, and the error logged with the same id', async () => {
    const broken = new MemoryStore<AppEnv>();
    broken.increment = () => {
      throw new Error('store unavailable');
    };
    const { app, logger } = testApp({ RATE_LIMIT: 'on' }, { rateLimitStore: broken });
    const res = await app.request('/api/v1/rules', { headers: { 'X-Request-Id': 'req-500-test' } });
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toEqual({
      type: 'urn:nianbao:problem:internal',
      title: '服务器内部错误',
      status: 500,
      detail: '服务器处理请求时出错。请求编号 req-500-test，报告问题时请附上。',
      instance: '/api/v1/rules',
      requestId: 'req-500-test',
    });
    expect(res.headers.get('x-request-id')).toBe('req-500-test');
    const logged = logger.lines.find((l) => l.msg === 'unhandled error');
    expect(logged).toMatchObject({ requestId: 'req-500-test', error: 'Error: store unavailable' });
  });
});

describe('rate limit', () => {
  it('is on by default and answers 429 problem+json with Retry-After per client', async () => {
    const { app, config } = testApp({ RATE_LIMIT: 'on', RATE_LIMIT_MAX: '2', TRUST_PROXY: 'on' });
    expect(config.rateLimit.enabled).toBe(true);
    const from = (ip: string) => ({ headers: { 'X-Forwarded-For': ip } });
    expect((await app.request('/api/v1/rules', from('10.0.0.1'))).status).toBe(200);
    expect((await app.request('/api/v1/rules', from('10.0.0.1'))).status).toBe(200);
    const limited = await app.request('/api/v1/rules?locale=en', from('10.0.0.1'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(PROBLEM_TYPE);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('ratelimit-limit')).toBe('2');
    const body = await limited.json();
    expect(body).toMatchObject({ type: 'urn:nianbao:problem:too-many-requests', status: 429 });
    expect(body.detail).toMatch(/^Each client may send 2 requests per 60 s; retry in \d+ s\.$/);
    // Another client is not affected, and health checks are never limited.
    expect((await app.request('/api/v1/rules', from('10.0.0.2'))).status).toBe(200);
    expect((await app.request('/api/v1/healthz', from('10.0.0.1'))).status).toBe(200);
  });

  it('is the default configuration', async () => {
    const { loadConfig } = await import('./env.ts');
    expect(loadConfig({}).rateLimit.enabled).toBe(true);
  });

  it('ignores X-Forwarded-For unless the proxy is trusted', async () => {
    const { app } = testApp({ RATE_LIMIT: 'on', RATE_LIMIT_MAX: '1' });
    expect(
      (await app.request('/api/v1/rules', { headers: { 'X-Forwarded-For': '1.1.1.1' } })).status,
    ).toBe(200);
    // Spoofing a new address does not buy a new quota.
    expect(
      (await app.request('/api/v1/rules', { headers: { 'X-Forwarded-For': '2.2.2.2' } })).status,
    ).toBe(429);
  });
});

describe('headers', () => {
  it('API answers carry nosniff and the request id; HEAD works on every GET', async () => {
    const { app } = testApp();
    const res = await app.request('/api/v1/rules', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('cross-origin-resource-policy')).toBeNull();
  });
});

describe('CORS', () => {
  it('allows the extension and the web app, not other sites', async () => {
    const { app } = testApp();
    const ext = await app.request('/api/v1/rules', {
      headers: { Origin: 'chrome-extension://abcdefghijklmnop' },
    });
    expect(ext.headers.get('access-control-allow-origin')).toBe(
      'chrome-extension://abcdefghijklmnop',
    );
    expect(ext.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    const dev = await app.request('/api/v1/rules', {
      headers: { Origin: 'http://localhost:5173' },
    });
    expect(dev.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const evil = await app.request('/api/v1/rules', {
      headers: { Origin: 'https://evil.example' },
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers preflights for POST with JSON, and configured origins', async () => {
    const { app } = testApp({ CORS_ORIGINS: 'https://portal.example.gov.cn' });
    const res = await app.request('/api/v1/validate', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://portal.example.gov.cn',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://portal.example.gov.cn');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });
});

describe('request log', () => {
  it('writes one JSON line per request with method, path, status, duration and id, never the body', async () => {
    const { app, logger } = testApp();
    await app.request(
      '/api/v1/validate?url=secret-query',
      json({ ...report, preamble: 'BODY-MARKER-机密' }),
    );
    await app.request('/api/v1/nope');
    const requests = logger.lines.filter((l) => l.msg === 'request');
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/validate',
      status: 200,
      level: 'info',
    });
    expect(requests[1]).toMatchObject({ method: 'GET', path: '/api/v1/nope', status: 404 });
    for (const line of requests) {
      expect(typeof line.durationMs).toBe('number');
      expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(Object.keys(line).sort()).toEqual(
        ['durationMs', 'level', 'method', 'msg', 'path', 'requestId', 'status', 'time'].sort(),
      );
    }
    expect(JSON.stringify(logger.lines)).not.toContain('BODY-MARKER');
    expect(JSON.stringify(logger.lines)).not.toContain('secret-query');
  });

  it('uses the injected clock for durations', async () => {
    let t = 1_000;
    const { app, logger } = testApp({}, { clock: { now: () => (t += 5) } });
    await app.request('/api/v1/rules');
    expect(logger.lines.find((l) => l.msg === 'request')?.durationMs).toBe(5);
  });
});
