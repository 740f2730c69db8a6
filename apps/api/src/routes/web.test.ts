import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/helpers.ts';

describe('/ without a built web app', () => {
  it('serves a bilingual page linking to the docs and the API', async () => {
    const { app } = testApp({ WEB_DIST: join(tmpdir(), 'nianbao-no-such-dir') });
    const res = await app.request('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('href="/docs"');
    expect(html).toContain('href="/api/v1/rules"');
    expect(html).toContain('年报');
    expect(html).toContain('The API is available now');
  });
});

describe('/ with a built web app', () => {
  const dist = mkdtempSync(join(tmpdir(), 'nianbao-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><title>web form</title><div id="root"></div>',
  );
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("app")');
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('serves index.html and its assets', async () => {
    const { app } = testApp({ WEB_DIST: dist });
    const index = await app.request('/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>web form</title>');
    const asset = await app.request('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('falls back to index.html for client-side routes, not for missing files or the API', async () => {
    const { app } = testApp({ WEB_DIST: dist });
    expect(await (await app.request('/report/2023')).text()).toContain('web form');
    expect((await app.request('/assets/missing.js')).status).toBe(404);
    const api = await app.request('/api/v1/nope');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await app.request('/api/v1/rules')).status).toBe(200);
  });

  it('does not serve files outside the folder', async () => {
    const { app } = testApp({ WEB_DIST: dist });
    const res = await app.request('/..%2F..%2Fetc%2Fpasswd');
    expect(await res.text()).not.toContain('root:');
  });
});
