import { readFileSync } from 'node:fs';
import { checkExtracted, extract, extractAll } from '@nianbao/extract/node';
import { check, type Finding } from '@nianbao/schema';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { corpusPath } from '../../../../tests/corpus.ts';
import { readCorpus, reportFromValues } from '../../test/corpus-reports.ts';
import { json, PROBLEM_TYPE, testApp } from '../../test/helpers.ts';
import { DOCX_TYPE } from '../documents.ts';
import type { Extractor } from '../extractor.ts';

const SEED = 'seed/000_42380e1adf95d416.txt';
const PAGES = ['pt-syq-2019', 'pt-syq-2023', 'pt-shs-2023', 'sh-gov-office-2019.fragment'];
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url)));
const pageBytes = (page: string) => new Uint8Array(readFileSync(corpusPath(`pages/${page}.html`)));

const post = (body: BodyInit, type: string, path = '/api/v1/check'): [string, RequestInit] => [
  path,
  { method: 'POST', body, headers: { 'Content-Type': type } },
];

type CheckBody = {
  found: boolean;
  report: { format: string; meta: Record<string, unknown>; applications?: Record<string, unknown> };
  findings: Finding[];
  diagnostics: Finding[];
  summary: { ok: boolean; total: number; found: boolean; errors: number };
  provenance?: { cells: Record<string, { raw: string }> };
};

const ids = (fs: Finding[]) => fs.map((f) => f.ruleId);

describe('POST /api/v1/check with the corpus pages as HTML', () => {
  it.each(PAGES)(
    '%s: reads the tables the way the hand-read values say, and checks them',
    async (page) => {
      const { app } = testApp();
      const res = await app.request(...post(pageBytes(page), 'text/html'));
      expect(res.status).toBe(200);
      const body = (await res.json()) as CheckBody;
      expect(body.found).toBe(true);
      const expected = reportFromValues(page);
      expect(body.report.format).toBe(expected.format);
      expect(body.report.meta.reportYear).toBe(expected.meta.reportYear);
      expect(body.report.applications?.newReceived).toEqual(expected.applications?.newReceived);
      // Findings are exactly the one glue (checkExtracted) on what extract() read.
      const direct = checkExtracted(await extract({ kind: 'html', html: pageBytes(page) }, {}));
      expect(body.findings).toEqual(JSON.parse(JSON.stringify(direct.findings)));
      expect(body.diagnostics).toEqual(JSON.parse(JSON.stringify(direct.diagnostics)));
      expect(body.summary.total).toBe(body.findings.length + body.diagnostics.length);
    },
  );

  it('a page whose report is an attached .doc: no table is reported as zeros', async () => {
    const { app } = testApp();
    const body = (await (
      await app.request(...post(pageBytes('pt-gaj-2020'), 'text/html'))
    ).json()) as CheckBody;
    expect(body.report.applications).toBeUndefined();
    expect(
      ids(body.diagnostics)
        .concat(ids(body.findings))
        .some((id) => /TABLES|SHAPE|NON-UNIFIED/.test(id)),
    ).toBe(true);
    for (const f of body.findings) expect(f.message).not.toMatch(/勾稽关系不成立/);
  });
});

describe('POST /api/v1/check with the seed as text', () => {
  it('reads the 嵩县公安局 2020 report and reports its known defects', async () => {
    const { app } = testApp();
    const res = await app.request(...post(readCorpus(SEED), 'text/plain; charset=utf-8'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as CheckBody;
    expect(body.found).toBe(true);
    expect(body.report.format).toBe('2019');
    expect(body.report.meta).toMatchObject({ agencyName: '嵩县公安局', reportYear: 2020 });
    const flagged = new Set([...ids(body.findings), ...ids(body.diagnostics)]);
    // spec §10: the stray 二、 inside 五, 16 numbers for table 四's 15 columns, 1511 under
    // a 4-decimal header, and section 一's sub-numbering jumping from （四） to （六）.
    for (const id of [
      'S-HEADING-ORDINAL-UNIQUE',
      'T4-SHAPE',
      'MONEY-HDR-DECIMALS',
      'S-SUBHEADING-SEQUENCE',
    ]) {
      expect(flagged, id).toContain(id);
    }
    expect(body.summary.ok).toBe(false);
  });

  it('decodes GB18030 text with or without a declared charset', async () => {
    const { app } = testApp();
    const utf8 = (await (
      await app.request(...post(readCorpus(SEED), 'text/plain'))
    ).json()) as CheckBody;
    const gbk = new Uint8Array(iconv.encode(readCorpus(SEED), 'gb18030'));
    const sniffed = (await (await app.request(...post(gbk, 'text/plain'))).json()) as CheckBody;
    const declared = (await (
      await app.request(...post(gbk, 'text/plain; charset=GBK'))
    ).json()) as CheckBody;
    expect(sniffed.report).toEqual(utf8.report);
    expect(declared.report).toEqual(utf8.report);
  });

  it('answers in English with ?locale=en', async () => {
    const { app } = testApp();
    const zh = (await (
      await app.request(...post(readCorpus(SEED), 'text/plain'))
    ).json()) as CheckBody;
    const en = (await (
      await app.request(...post(readCorpus(SEED), 'text/plain', '/api/v1/check?locale=en'))
    ).json()) as CheckBody;
    expect(ids(en.findings)).toEqual(ids(zh.findings));
    expect(en.diagnostics[0]!.message).not.toEqual(zh.diagnostics[0]!.message);
    expect(en.diagnostics[0]!.message).not.toMatch(/[\u4e00-\u9fff]{4}/);
  });
});

describe('POST /api/v1/check with the corpus texts', () => {
  it.each(['pt-czj-2020.txt', 'pt-syq-2022.txt', 'sy-gov-2025.txt'])(
    '%s: the answer is what extract and check give, extraction doubts as diagnostics',
    async (file) => {
      const { app } = testApp();
      const text = readCorpus(`text/${file}`);
      const res = await app.request(...post(text, 'text/plain; charset=utf-8'));
      expect(res.status).toBe(200);
      const body = (await res.json()) as CheckBody;
      const [direct] = await extractAll({ kind: 'text', text }, {});
      expect(body.found).toBe(direct!.found);
      expect(body.report).toEqual(JSON.parse(JSON.stringify(direct!.report)));
      expect(body.diagnostics).toEqual(JSON.parse(JSON.stringify(direct!.diagnostics)));
      expect(body.findings).toEqual(
        JSON.parse(JSON.stringify(check(direct!.report, { provenance: direct!.provenance }))),
      );
      expect(body.diagnostics.every((d) => d.origin === 'extraction')).toBe(true);
    },
  );
});

describe('POST /api/v1/check with .docx', () => {
  it.each([
    ['pt-syq-2023.docx', 'pt-syq-2023'],
    ['sh-gov-office-2019.fragment.docx', 'sh-gov-office-2019.fragment'],
  ])('%s (made by LibreOffice from the corpus page) reads like the page', async (file, page) => {
    const { app } = testApp();
    const res = await app.request(...post(fixture(file), DOCX_TYPE));
    expect(res.status).toBe(200);
    const body = (await res.json()) as CheckBody;
    expect(body.found).toBe(true);
    const expected = reportFromValues(page);
    expect(body.report.applications).toEqual(JSON.parse(JSON.stringify(expected.applications)));
  });

  it('a corrupt .docx is a diagnostic, not a crash', async () => {
    const { app } = testApp();
    const res = await app.request(...post(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]), DOCX_TYPE));
    expect(res.status).toBe(200);
    const body = (await res.json()) as CheckBody;
    expect(body).toMatchObject({
      found: false,
      findings: [],
      summary: { ok: false, found: false },
    });
    expect(ids(body.diagnostics)).toEqual(['EXTRACT-DOCX-UNREADABLE']);
  });

  it('application/octet-stream is sniffed (a .docx is recognised by its bytes)', async () => {
    const { app } = testApp();
    const body = (await (
      await app.request(...post(fixture('pt-syq-2023.docx'), 'application/octet-stream'))
    ).json()) as CheckBody;
    expect(body.found).toBe(true);
    expect(body.report.format).toBe('2021');
  });
});

describe('POST /api/v1/check: other ways to send a document', () => {
  it('multipart/form-data with an HTML, a text or a .docx file', async () => {
    const { app } = testApp();
    const html = (await (
      await app.request(...post(pageBytes('pt-syq-2023'), 'text/html'))
    ).json()) as CheckBody;
    const files = [
      new File([pageBytes('pt-syq-2023')], 'report.html', { type: 'text/html' }),
      new File([fixture('pt-syq-2023.docx')], 'report.docx', { type: '' }),
    ];
    for (const file of files) {
      const form = new FormData();
      form.append('file', file);
      const res = await app.request('/api/v1/check', { method: 'POST', body: form });
      expect(res.status, file.name).toBe(200);
      const body = (await res.json()) as CheckBody;
      expect(body.report.applications, file.name).toEqual(html.report.applications);
    }
    const text = new FormData();
    text.append('file', new File([readCorpus(SEED)], 'seed.txt', { type: 'text/plain' }));
    const seed = (await (
      await app.request('/api/v1/check', { method: 'POST', body: text })
    ).json()) as CheckBody;
    expect(seed.report.meta.agencyName).toBe('嵩县公安局');
  });

  it('JSON { html | text | docx } gives the same answer as the raw body', async () => {
    const { app } = testApp();
    const raw = (await (
      await app.request(...post(readCorpus(SEED), 'text/plain'))
    ).json()) as CheckBody;
    const viaJson = (await (
      await app.request('/api/v1/check', json({ text: readCorpus(SEED) }))
    ).json()) as CheckBody;
    expect(viaJson).toEqual(raw);
    const html = (await (
      await app.request('/api/v1/check', json({ html: readCorpus('pages/pt-shs-2023.html') }))
    ).json()) as CheckBody;
    expect(html.report.format).toBe('2021');
    const docx = (await (
      await app.request(
        '/api/v1/check',
        json({ docx: Buffer.from(fixture('pt-syq-2023.docx')).toString('base64') }),
      )
    ).json()) as CheckBody;
    expect(docx.found).toBe(true);
  });

  it('passes url, format and previous through to extract and check', async () => {
    const calls: Parameters<Extractor>[] = [];
    const spy: Extractor = (input, options) => {
      calls.push([input, options]);
      return extractAll(input, options);
    };
    const { app } = testApp({}, { extractor: spy });
    const previous = reportFromValues('pt-syq-2019');
    const url = 'http://www.pingtan.gov.cn/zfxxgk/2024/t20240308_1.htm';
    const res = await app.request(
      `/api/v1/check?locale=en&format=2021&url=${encodeURIComponent(url)}`,
      json({ html: readCorpus('pages/pt-syq-2023.html'), previous }),
    );
    expect(res.status).toBe(200);
    expect(calls[0]![1]).toMatchObject({ locale: 'en', url, format: '2021' });
    const body = (await res.json()) as CheckBody;
    const direct = await extract(
      { kind: 'html', html: readCorpus('pages/pt-syq-2023.html') },
      { url, format: '2021' },
    );
    expect(body.findings).toEqual(
      JSON.parse(
        JSON.stringify(
          check(direct.report, { locale: 'en', provenance: direct.provenance, previous }),
        ),
      ),
    );
  });

  it('?provenance=true adds where every value was read', async () => {
    const { app } = testApp();
    const without = (await (
      await app.request(...post(pageBytes('pt-syq-2023'), 'text/html'))
    ).json()) as CheckBody;
    expect(without.provenance).toBeUndefined();
    const body = (await (
      await app.request(
        ...post(pageBytes('pt-syq-2023'), 'text/html', '/api/v1/check?provenance=true'),
      )
    ).json()) as CheckBody;
    expect(body.provenance?.cells['applications.newReceived.total']?.raw).toBe('81');
  });

  it('text that is no report: found false, no findings, the diagnostics say why', async () => {
    const { app } = testApp();
    const body = (await (
      await app.request(...post('今天天气很好。', 'text/plain'))
    ).json()) as CheckBody;
    expect(body).toMatchObject({
      found: false,
      findings: [],
      summary: { ok: false, found: false },
    });
    expect(ids(body.diagnostics)).toEqual(['EXTRACT-NOT-A-REPORT']);
  });
});

describe('POST /api/v1/check errors', () => {
  it('400 for an empty body, in both locales', async () => {
    const { app } = testApp();
    const zh = await app.request(...post('', 'text/html'));
    expect(zh.status).toBe(400);
    expect(await zh.json()).toMatchObject({
      type: 'urn:nianbao:problem:bad-request',
      detail: '请求体为空',
    });
    const en = await app.request(...post('', 'text/html', '/api/v1/check?locale=en'));
    expect((await en.json()).detail).toBe('the request body is empty');
  });

  it('400 for multipart without a file, and for malformed JSON', async () => {
    const { app } = testApp();
    const form = new FormData();
    form.append('url', 'http://example.gov.cn/');
    const res = await app.request('/api/v1/check', { method: 'POST', body: form });
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toBe('multipart 请求体中没有文件字段');
    const bad = await app.request('/api/v1/check', json('{"html": '));
    expect(bad.status).toBe(400);
    expect((await bad.json()).type).toBe('urn:nianbao:problem:malformed-json');
  });

  it('415 for an image, naming what is accepted', async () => {
    const { app } = testApp();
    const res = await app.request(
      ...post(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png', '/api/v1/check?locale=en'),
    );
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toMatch(PROBLEM_TYPE);
    const body = await res.json();
    expect(body.type).toBe('urn:nianbao:problem:unsupported-media-type');
    expect(body.detail).toContain('text/html');
    expect(body.detail).toContain(DOCX_TYPE);
  });

  it('422 for JSON that is not { html | text | docx }, localised', async () => {
    const { app } = testApp();
    const zh = await (
      await app.request('/api/v1/check', json({ html: '<p>a</p>', text: 'b' }))
    ).json();
    expect(zh).toMatchObject({
      type: 'urn:nianbao:problem:invalid-request',
      status: 422,
      issues: [{ path: '', message: '请给出 html、text、docx 之一，且只给一个' }],
    });
    const en = await (await app.request('/api/v1/check?locale=en', json({ html: 42 }))).json();
    expect(en.issues[0]).toMatchObject({
      path: 'html',
      message: 'Invalid input: expected string, received number',
    });
    const badFormat = await app.request('/api/v1/check?format=2018', json({ text: 'x' }));
    expect(badFormat.status).toBe(422);
    expect((await badFormat.json()).issues[0].path).toBe('format');
  });

  it('413 over the body limit', async () => {
    const { app } = testApp({ BODY_LIMIT: '50kb' });
    const res = await app.request(...post(pageBytes('pt-syq-2019'), 'text/html'));
    expect(res.status).toBe(413);
    expect((await res.json()).type).toBe('urn:nianbao:problem:payload-too-large');
  });

  it('an extractor that throws becomes 422 unreadable-document, and the server keeps serving', async () => {
    const { app } = testApp(
      {},
      {
        extractor: () => {
          throw new Error('boom');
        },
      },
    );
    const res = await app.request(...post('x', 'text/plain'));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ type: 'urn:nianbao:problem:unreadable-document' });
    expect((await app.request('/api/v1/healthz')).status).toBe(200);
  });
});

describe('POST /api/v1/check/batch', () => {
  it('JSON: one result per document, in order; a bad one does not fail the others', async () => {
    const { app } = testApp();
    const res = await app.request(
      '/api/v1/check/batch',
      json([
        { name: 'seed', text: readCorpus(SEED) },
        { name: 'syq-2023', html: readCorpus('pages/pt-syq-2023.html') },
        { name: 'broken', html: 1 },
        {
          name: 'docx',
          docx: Buffer.from(fixture('sh-gov-office-2019.fragment.docx')).toString('base64'),
        },
        { name: 'nothing', text: '你好' },
      ]),
    );
    expect(res.status).toBe(200);
    const { results, summary } = await res.json();
    expect(
      results.map((r: { index: number; name: string; ok: boolean }) => [r.index, r.name, r.ok]),
    ).toEqual([
      [0, 'seed', true],
      [1, 'syq-2023', true],
      [2, 'broken', false],
      [3, 'docx', true],
      [4, 'nothing', true],
    ]);
    expect(results[0].report.meta.agencyName).toBe('嵩县公安局');
    expect(results[1].report.meta.reportYear).toBe(2023);
    expect(results[2].problem).toMatchObject({
      type: 'urn:nianbao:problem:invalid-request',
      issues: [{ path: 'html' }],
    });
    expect(results[3].report.meta.agencyName).toBe('上海市人民政府办公厅');
    expect(results[4].found).toBe(false);
    expect(summary).toMatchObject({ documents: 5, failed: 2, ok: false });
    // Each result equals the single-document answer.
    const single = await (await app.request(...post(readCorpus(SEED), 'text/plain'))).json();
    const { index: _i, name: _n, ok: _o, ...first } = results[0];
    expect(first).toEqual(single);
  });

  it('multipart: every file, in order', async () => {
    const { app } = testApp();
    const form = new FormData();
    form.append('files', new File([pageBytes('pt-shs-2023')], 'shs.html', { type: 'text/html' }));
    form.append('files', new File([readCorpus(SEED)], 'seed.txt', { type: 'text/plain' }));
    form.append('files', new File([fixture('pt-syq-2023.docx')], 'syq.docx', { type: DOCX_TYPE }));
    const res = await app.request('/api/v1/check/batch?locale=en', { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const { results } = await res.json();
    expect(results.map((r: { name: string; found: boolean }) => [r.name, r.found])).toEqual([
      ['shs.html', true],
      ['seed.txt', true],
      ['syq.docx', true],
    ]);
  });

  it('422 for more than 50 documents, and for a body that is not an array', async () => {
    const { app } = testApp();
    const many = Array.from({ length: 51 }, () => ({ text: 'x' }));
    const res = await app.request('/api/v1/check/batch?locale=en', json(many));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      type: 'urn:nianbao:problem:too-many-documents',
      detail: 'A batch holds at most 50 documents; this one has 51.',
    });
    const notArray = await app.request('/api/v1/check/batch', json({ text: 'x' }));
    expect(notArray.status).toBe(422);
    expect((await notArray.json()).type).toBe('urn:nianbao:problem:invalid-request');
  });

  it('400 for malformed JSON or a broken multipart body', async () => {
    const { app } = testApp();
    for (const body of ['[{"text":', '']) {
      const res = await app.request('/api/v1/check/batch', json(body));
      expect(res.status).toBe(400);
      expect((await res.json()).type).toBe('urn:nianbao:problem:malformed-json');
    }
    for (const path of ['/api/v1/check', '/api/v1/check/batch']) {
      const res = await app.request(path, {
        method: 'POST',
        body: 'not a multipart body',
        headers: { 'Content-Type': 'multipart/form-data; boundary=----x' },
      });
      expect(res.status, path).toBe(400);
      expect((await res.json()).type).toBe('urn:nianbao:problem:bad-request');
    }
  });

  it('415 for a raw document (a batch is JSON or multipart)', async () => {
    const { app } = testApp();
    const res = await app.request(...post('x', 'text/plain', '/api/v1/check/batch'));
    expect(res.status).toBe(415);
    expect((await res.json()).detail).toContain('application/json, multipart/form-data');
  });
});

describe('POST /api/v1/check with an extraction time limit', () => {
  it('answers 422 extraction-timeout when reading takes too long, per document in a batch', async () => {
    const { createWorkPool } = await import('../extract-pool.ts');
    const pool = createWorkPool({
      workerUrl: new URL('../../test/fixtures/fake-extract-worker.mjs', import.meta.url),
      size: 1,
      timeoutMs: 1_000,
    });
    try {
      const { app } = testApp({}, { pool });
      const res = await app.request('/api/v1/check?locale=en', post('hang', 'text/plain')[1]);
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({
        type: 'urn:nianbao:problem:extraction-timeout',
        detail: expect.stringContaining('1 s'),
      });
      const batch = await (
        await app.request('/api/v1/check/batch', json([{ text: 'hang' }, { text: 'fine' }]))
      ).json();
      expect(batch.results.map((r: { ok: boolean }) => r.ok)).toEqual([false, true]);
      expect(batch.results[0].problem.type).toBe('urn:nianbao:problem:extraction-timeout');
    } finally {
      await pool.close();
    }
  });
});

describe('POST /api/v1/check with a page holding two reports', () => {
  // The Shanghai 2019 article followed by the Pingtan 2023 page, as one page.
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(readCorpus('pages/pt-syq-2023.html'))?.[1];
  const html = `<!doctype html><html><head><meta charset="utf-8"></head><body>${readCorpus(
    'pages/sh-gov-office-2019.fragment.html',
  )}<hr>${body}</body></html>`;

  it('answers the first and counts the others', async () => {
    const { app } = testApp();
    const res = await (await app.request(...post(html, 'text/html'))).json();
    expect(res.report.meta.agencyName).toBe('上海市人民政府办公厅');
    expect(res.moreReports).toBe(1);
    expect(res.others).toBeUndefined();
  });

  it('checks them all with ?all=true', async () => {
    const { app } = testApp();
    const res = await (
      await app.request(...post(html, 'text/html', '/api/v1/check?all=true'))
    ).json();
    expect(res.others).toHaveLength(1);
    const [other] = res.others;
    expect(other.report.meta).toMatchObject({ agencyName: '平潭综合实验区', reportYear: 2023 });
    const alone = (await (
      await app.request(...post(pageBytes('pt-syq-2023'), 'text/html'))
    ).json()) as CheckBody;
    expect(other.report.applications).toEqual(alone.report.applications);
    // The composite page has no PubDate of the Pingtan page's head, and its bare
    // "时间：" line is no publication label: only the deadline rules may differ.
    const notDeadline = (id: string) => !id.startsWith('DL-');
    expect(other.findings.map((f: Finding) => f.ruleId).filter(notDeadline)).toEqual(
      ids(alone.findings).filter(notDeadline),
    );
  });

  it('a single-report page says moreReports: 0', async () => {
    const { app } = testApp();
    const res = await (await app.request(...post(pageBytes('pt-syq-2023'), 'text/html'))).json();
    expect(res.moreReports).toBe(0);
  });
});

describe('POST /api/v1/check with a PDF', () => {
  it('reads a WPS-exported PDF report posted as application/pdf', async () => {
    const { app } = testApp();
    const pdf = readFileSync(corpusPath('pdf/hongze-gov-2023.pdf'));
    const res = await app.request(...post(pdf, 'application/pdf'));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.found).toBe(true);
    expect(body.report.meta.agencyName).toBe('淮安市洪泽区人民政府');
    expect(body.report.meta.reportYear).toBe(2023);
    // Its two printed table 四 defects are found; no row it prints is called missing.
    const ids = body.findings.map((f: Finding) => f.ruleId);
    expect(ids).toContain('T4-REV-TOTAL');
    expect(ids).toContain('T4-LITR-TOTAL');
    expect(ids).not.toContain('T3-B-SHAPE');
  });
});
