import { readFileSync } from 'node:fs';
import { ruleCatalogue } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { PROBLEM_TYPE, testApp } from '../../test/helpers.ts';

describe('GET /api/v1/rules', () => {
  it('lists the whole catalogue in catalogue order', async () => {
    const { app } = testApp();
    const res = await app.request('/api/v1/rules');
    expect(res.status).toBe(200);
    const { rules } = await res.json();
    expect(rules).toEqual(ruleCatalogue());
    expect(rules.length).toBeGreaterThan(0);
  });

  it('returns one rule by id, case-insensitively', async () => {
    const { app } = testApp();
    const [first] = ruleCatalogue();
    const res = await app.request(`/api/v1/rules/${first!.id.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(first);
  });

  it('answers 404 problem+json for an unknown id, in both locales', async () => {
    const { app } = testApp();
    const zh = await app.request('/api/v1/rules/NO-SUCH-RULE');
    expect(zh.status).toBe(404);
    expect(zh.headers.get('content-type')).toMatch(PROBLEM_TYPE);
    expect(await zh.json()).toMatchObject({
      type: 'urn:nianbao:problem:rule-not-found',
      title: '没有这条规则',
      detail: '规则目录中没有 NO-SUCH-RULE；全部规则见 GET /api/v1/rules。',
    });
    const en = await (await app.request('/api/v1/rules/NO-SUCH-RULE?locale=en')).json();
    expect(en.detail).toBe(
      'The catalogue has no rule NO-SUCH-RULE; GET /api/v1/rules lists them all.',
    );
  });
});

describe('GET /api/v1/schema', () => {
  it('serves the generated JSON Schema of the report model', async () => {
    const { app } = testApp();
    const res = await app.request('/api/v1/schema');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    const published = JSON.parse(
      readFileSync(
        new URL('../../../../packages/schema/report.schema.json', import.meta.url),
        'utf8',
      ),
    );
    expect(await res.json()).toEqual(published);
  });
});
