import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/helpers.ts';

describe('GET /healthz', () => {
  it('answers at the root and under /api/v1', async () => {
    const { app } = testApp();
    for (const path of ['/healthz', '/api/v1/healthz']) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok', version: expect.any(String) });
    }
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('is OpenAPI 3.1 generated from the zod schemas, covering every endpoint', async () => {
    const { app } = testApp();
    const res = await app.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/validate',
        '/api/v1/check',
        '/api/v1/check/batch',
        '/api/v1/rules',
        '/api/v1/rules/{id}',
        '/api/v1/schema',
        '/api/v1/healthz',
      ]),
    );
    // The request body of /validate is the report model itself, by reference.
    expect(
      doc.paths['/api/v1/validate'].post.requestBody.content['application/json'].schema,
    ).toEqual({
      $ref: '#/components/schemas/NianbaoReport',
    });
    const report = doc.components.schemas.NianbaoReport;
    expect(report.oneOf).toHaveLength(2);
    expect(
      report.oneOf.map(
        (s: { properties: { format: { enum: string[] } } }) => s.properties.format.enum,
      ),
    ).toEqual([['2019'], ['2021']]);
    expect(Object.keys(doc.paths['/api/v1/check'].post.requestBody.content)).toEqual(
      expect.arrayContaining([
        'text/html',
        'text/plain',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'multipart/form-data',
        'application/json',
      ]),
    );
    const finding = doc.components.schemas.Finding;
    expect(finding.required).toEqual(
      expect.arrayContaining(['ruleId', 'severity', 'origin', 'message', 'cells', 'fingerprint']),
    );
    // Every error response points to the Problem schema.
    const validate = doc.paths['/api/v1/validate'].post.responses;
    for (const status of ['400', '413', '415', '422', '429']) {
      expect(validate[status].content['application/problem+json'].schema).toEqual({
        $ref: '#/components/schemas/Problem',
      });
    }
    expect(doc.paths['/api/v1/check'].post.requestBody.required).toBe(true);
    // operationIds, for generated clients.
    expect(doc.paths['/api/v1/validate'].post.operationId).toBe('validateReport');
    expect(doc.paths['/api/v1/check/batch'].post.operationId).toBe('checkDocuments');
    expect(doc.components.schemas.Problem.properties.type.enum).toContain(
      'urn:nianbao:problem:payload-too-large',
    );
  });

  it('is also served at /openapi.json', async () => {
    const { app } = testApp();
    const a = await (await app.request('/openapi.json')).json();
    const b = await (await app.request('/api/v1/openapi.json')).json();
    expect(a).toEqual(b);
  });
});

describe('GET /docs', () => {
  it('serves Swagger UI from our own server, with no external URL', async () => {
    const { app } = testApp();
    const page = await app.request('/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="swagger-ui"></div>');
    expect(html).not.toMatch(/https?:\/\//);
    const refs = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThanOrEqual(3);
    for (const ref of refs) {
      const asset = await app.request(ref);
      expect(asset.status, ref).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, ref).toBeGreaterThan(100);
    }
    const bundle = await app.request('/docs/assets/swagger-ui-bundle.js');
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    const init = await (await app.request('/docs/assets/init.js')).text();
    expect(init).toContain('"/api/v1/openapi.json"');
  });

  it('does not serve arbitrary files of the swagger-ui-dist folder', async () => {
    const { app } = testApp();
    expect((await app.request('/docs/assets/package.json')).status).toBe(404);
    expect((await app.request('/docs/assets/..%2F..%2Fpackage.json')).status).toBe(404);
  });

  it('is also at /api/v1/docs', async () => {
    const { app } = testApp();
    const html = await (await app.request('/api/v1/docs')).text();
    expect(html).toContain('/api/v1/docs/assets/swagger-ui-bundle.js');
  });
});
