// An attachment-only page (corpus/pages/pt-gaj-2020.html: the title and a link to
// ./P020240708585830864986.doc) served on 127.0.0.1 with a LibreOffice .doc of
// another report under the linked name: the CLI reads the report through the
// attachment, in the page's name and with the page's date.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, ROOT, runCli } from './cli-helpers.ts';
import { corpusPath } from './corpus.ts';

const PAGE = '/zfxxgknb/202101/t20210128_80590.htm';
const DOC = '/zfxxgknb/202101/P020240708585830864986.doc';
/** The same page where its attachment is missing (404). */
const LONELY = '/other/t20210128_80590.htm';
let server: Server;
let base = '';
const requested: string[] = [];

beforeAll(async () => {
  ensureCliBuilt();
  const page = readFileSync(corpusPath('pages/pt-gaj-2020.html'));
  const doc = readFileSync(`${ROOT}packages/extract/test/fixtures/pdf/pt-syq-2019.doc`);
  server = createServer((req, res) => {
    requested.push(req.url ?? '');
    if (req.url === PAGE || req.url === LONELY)
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    else if (req.url === DOC) res.writeHead(200, { 'content-type': 'application/msword' }).end(doc);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(() => new Promise<void>((r) => server?.close(() => r())));

interface Result {
  found: boolean;
  report: { meta: Record<string, unknown>; applications?: unknown };
  diagnostics: { ruleId: string; message: string }[];
}

describe('nianbao check on an attachment-only page', () => {
  it('reads the report through the linked .doc, with the page title and date', async () => {
    const run = await runCli(['check', `${base}${PAGE}`, '-f', 'json', '--allow-private']);
    const [result] = (JSON.parse(run.stdout) as { results: Result[] }).results;
    expect(requested).toContain(DOC);
    expect(result!.found).toBe(true);
    expect(result!.report.applications).toBeDefined();
    // The page states 2021-01-28 (PubDate); the file's own dates never count.
    expect(result!.report.meta).toMatchObject({
      publishedAt: '2021-01-28',
      publishedAtSource: 'linking-page',
    });
    const note = result!.diagnostics.find((d) => d.ruleId === 'EXTRACT-FROM-ATTACHMENT');
    expect(note?.message).toContain('P020240708585830864986.doc');
  });

  it('without the attachment says the report is in it, and blames nothing on the report', async () => {
    const run = await runCli(['check', `${base}${LONELY}`, '-f', 'json', '--allow-private']);
    const [result] = (JSON.parse(run.stdout) as { results: (Result & { findings: unknown[] })[] })
      .results;
    expect(requested).toContain('/other/P020240708585830864986.doc');
    expect(result!.found).toBe(false);
    expect(result!.findings).toEqual([]);
    const note = result!.diagnostics.find((d) => d.ruleId === 'EXTRACT-NO-TABLES');
    expect(note?.message).toContain('附件');
  });

  it('does not follow a link to another domain', async () => {
    const { attachmentOf, registrableDomain } = await import('../apps/cli/src/attachment.ts');
    expect(registrableDomain('www.pingtan.gov.cn')).toBe('pingtan.gov.cn');
    expect(registrableDomain('files.example.com')).toBe('example.com');
    const page = [
      {
        found: false,
        report: { format: '2021' as const, meta: {}, sections: [] },
        provenance: { cells: {} },
        diagnostics: [
          {
            ruleId: 'EXTRACT-NO-TABLES',
            severity: 'warning' as const,
            origin: 'extraction' as const,
            message: '',
            cells: [],
            fingerprint: 'x',
            params: { href: 'https://evil.example.com/a.pdf' },
          },
        ],
      },
    ];
    expect(attachmentOf(page, 'https://www.pingtan.gov.cn/x.htm')).toBeUndefined();
    expect(
      attachmentOf(
        [
          {
            ...page[0]!,
            diagnostics: [
              {
                ...page[0]!.diagnostics[0]!,
                params: { href: 'https://files.pingtan.gov.cn/a.pdf' },
              },
            ],
          },
        ],
        'https://www.pingtan.gov.cn/x.htm',
      ),
    ).toBe('https://files.pingtan.gov.cn/a.pdf');
  });
});
