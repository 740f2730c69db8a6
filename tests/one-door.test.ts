// One door for documents: the tricky inputs of tests/tricky-inputs.ts read as the
// same report through the library, the CLI (served over HTTP, so that the media
// type reaches it) and the API. The form runs the same table in
// apps/web/src/lib/importing.test.ts.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extractAll } from '@nianbao/extract/node';
import type { Report } from '@nianbao/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../apps/api/test/helpers.ts';
import { ensureCliBuilt, runCli } from './cli-helpers.ts';
import { CLEAN, payloadInput, TRICKY_INPUTS, type TrickyInput } from './tricky-inputs.ts';

/** What must agree: the format, the agency and every table cell. */
const essence = (r: Report) => ({
  format: r.format,
  agencyName: r.meta.agencyName ?? null,
  activeDisclosure: r.activeDisclosure ?? null,
  applications: r.applications ?? null,
  appeals: r.appeals ?? null,
});
const tablesOnly = ({ agencyName: _, ...rest }: ReturnType<typeof essence>) => rest;

const expected = new Map<string, ReturnType<typeof essence>>();
let inputs: TrickyInput[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  ensureCliBuilt();
  for (const [id, doc] of Object.entries(CLEAN)) {
    const [result] = await extractAll(doc.bytes, { name: doc.name });
    expect(result!.found).toBe(true);
    expected.set(id, essence(result!.report));
  }
  const [clean] = await extractAll(CLEAN['pt-syq-2023'].bytes, { name: 'x.html' });
  inputs = [
    ...TRICKY_INPUTS,
    payloadInput({ report: clean!.report, provenance: clean!.provenance, source: 'x.html' }),
  ];
  server = createServer((req, res) => {
    const input = inputs.find((i) => req.url === `/${i.name}`);
    if (!input) return void res.writeHead(404).end();
    res.writeHead(200, input.contentType ? { 'content-type': input.contentType } : {});
    res.end(input.bytes);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(() => new Promise<void>((r) => server?.close(() => r())));

/** A .docx carries the tables, not the portal page's title: compare what it can hold. */
const compare = (input: TrickyInput, report: Report) => {
  const want = expected.get(input.expect)!;
  if (input.name.startsWith('really-a-docx'))
    expect(tablesOnly(essence(report))).toEqual(tablesOnly(want));
  else expect(essence(report)).toEqual(want);
};

describe('every surface reads the tricky inputs alike', () => {
  it('has a table that covers the cases the issue names', () => {
    expect(inputs.map((i) => i.name)).toEqual([
      'gbk-no-meta.html',
      'bom-vs-meta.html',
      'header-vs-meta.html',
      'seed-gbk.txt',
      'really-a-docx.html',
      'payload.json',
    ]);
  });

  it.each(TRICKY_INPUTS.map((i) => [i.case, i.name] as const))('library: %s', async (_, name) => {
    const input = inputs.find((i) => i.name === name)!;
    const [result] = await extractAll(input.bytes, {
      name: input.name,
      ...(input.contentType ? { contentType: input.contentType } : {}),
    });
    expect(result!.found).toBe(true);
    compare(input, result!.report);
  });

  it('library: a JSON payload', async () => {
    const input = inputs.at(-1)!;
    const [result] = await extractAll(input.bytes, { name: input.name });
    compare(input, result!.report);
    expect(Object.keys(result!.provenance.cells).length).toBeGreaterThan(100);
  });

  it('CLI: every input, fetched with its media type', async () => {
    const run = await runCli([
      'check',
      ...inputs.map((i) => `${base}/${i.name}`),
      '-f',
      'json',
      '--allow-private',
    ]);
    const out = JSON.parse(run.stdout) as { results: { source: string; report: Report }[] };
    expect(out.results).toHaveLength(inputs.length);
    for (const [i, input] of inputs.entries()) compare(input, out.results[i]!.report);
  });

  it('API: every input, posted raw with its media type', async () => {
    const { app } = testApp();
    // application/json is the API's own { html | text | docx } body: a payload file is posted as bytes.
    for (const input of inputs) {
      const res = await app.request('/api/v1/check', {
        method: 'POST',
        body: input.bytes,
        headers: {
          'Content-Type':
            input.contentType && input.contentType !== 'application/json'
              ? input.contentType
              : 'application/octet-stream',
        },
      });
      const body = (await res.json()) as { found: boolean; report: Report };
      expect(res.status, input.name).toBe(200);
      expect(body.found, input.name).toBe(true);
      compare(input, body.report);
    }
  });

  it('API: every input, uploaded as a named file of its media type', async () => {
    const { app } = testApp();
    for (const input of inputs) {
      const form = new FormData();
      form.append('file', new File([input.bytes], input.name, { type: input.contentType }));
      const res = await app.request('/api/v1/check', { method: 'POST', body: form });
      const body = (await res.json()) as { found: boolean; report: Report };
      expect(res.status, input.name).toBe(200);
      compare(input, body.report);
    }
  });
});
