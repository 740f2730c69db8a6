// Hostile and random requests: whatever arrives, the answer is JSON or problem+json with
// a known type, never a 500, never a stack trace, and the app keeps answering.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testApp } from '../test/helpers.ts';
import { DOCX_TYPE } from './documents.ts';
import { PROBLEMS, problemType } from './problem.ts';

const KNOWN_TYPES = new Set(
  Object.keys(PROBLEMS).map((s) => problemType(s as keyof typeof PROBLEMS)),
);

const paths = fc.oneof(
  fc.constantFrom(
    '/api/v1/validate',
    '/api/v1/check',
    '/api/v1/check/batch',
    '/api/v1/rules',
    '/api/v1/rules/T3-COL-BALANCE',
    '/api/v1/schema',
    '/api/v1/healthz',
    '/api/v1/openapi.json',
    '/api/v1/nope',
  ),
  fc.webPath().map((p) => `/api/v1${p}`),
);
const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=gbk',
  'text/html',
  'text/plain; charset=x-unknown',
  'text/plain',
  DOCX_TYPE,
  'application/octet-stream',
  'multipart/form-data; boundary=abc',
  'multipart/form-data',
  'image/png',
  '',
);
const bodies = fc.oneof(
  fc.json().map((j) => new TextEncoder().encode(j)),
  fc.string().map((s) => new TextEncoder().encode(s)),
  fc.uint8Array({ maxLength: 2048 }),
  fc
    .constantFrom(
      '{"format":"2021","applications":{"newReceived":{"total":1e308}}}',
      '[{"html":"<table><tr><td>1"},{"docx":"UEsDBAo="},{"text":null}]',
      '{"__proto__":{"x":1},"format":"2019"}',
      '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.docx"\r\n\r\nPK\u0003\u0004\r\n--abc--\r\n',
    )
    .map((s) => new TextEncoder().encode(s)),
);

describe('hostile requests', () => {
  it('never get a 500, always JSON or problem+json with a known type', async () => {
    const { app } = testApp({ BODY_LIMIT: '64kb' });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        paths,
        contentTypes,
        bodies,
        fc.constantFrom('en', 'zh-CN', 'fr;q=0.5,*', ''),
        async (method, path, type, body, lang) => {
          const init: RequestInit = { method, headers: { 'Accept-Language': lang } };
          if (method !== 'GET') {
            init.body = body;
            if (type) (init.headers as Record<string, string>)['Content-Type'] = type;
          }
          const res = await app.request(path, init);
          expect(res.status).not.toBe(500);
          const contentType = res.headers.get('content-type') ?? '';
          const text = await res.text();
          expect(text).not.toMatch(/\bat .+\.(ts|js|mjs):\d+:\d+/);
          if (res.status >= 400) {
            expect(contentType).toMatch(/^application\/problem\+json/);
            const problem = JSON.parse(text);
            expect(KNOWN_TYPES.has(problem.type), problem.type).toBe(true);
            expect(problem.status).toBe(res.status);
          } else if (res.status !== 204) {
            expect(contentType).toMatch(/json/);
          }
        },
      ),
      { numRuns: 300 },
    );
    expect((await app.request('/api/v1/healthz')).status).toBe(200);
  }, 120_000);
});
