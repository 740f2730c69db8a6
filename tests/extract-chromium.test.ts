/**
 * The same page read through the Node HTML path (linkedom) and through
 * Chromium's own DOM (Debian's Chromium via playwright-core; the
 * environment-agnostic core bundled with esbuild and run in the page) gives
 * the same report. Also: a report inside a same-origin iframe is read from
 * the outer page's DOM, which only a real browser can show.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extract } from '@nianbao/extract/node';
import type { Report } from '@nianbao/schema';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPath, readCorpus } from './corpus.ts';

const PAGES: [string, string][] = [
  ['pt-syq-2019', 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202001/t20200120_80576.htm'],
  ['pt-syq-2023', 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm'],
  [
    'pt-shs-2023',
    'https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqbm/ptzhsyqshs/zfxxgknb/202401/t20240126_86535.htm',
  ],
  [
    'pt-gaj-2020',
    'https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqbm/ptzhsyqgaj/zfxxgknb/202101/t20210128_80590.htm',
  ],
  [
    'sh-gov-office-2019.fragment',
    'https://www.shanghai.gov.cn/nw12344/20200813/0001-12344_63532.html',
  ],
];

let browser: Browser;
let bundle: string;
let browserBundle: string;

/** Fails instead of hanging when the browser stops answering. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms)),
  ]);
}

beforeAll(async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../packages/extract/src/index.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'nianbaoExtract',
    platform: 'browser',
    conditions: ['@nianbao/source'],
    write: false,
    logLevel: 'silent',
  });
  bundle = result.outputFiles[0]!.text;
  const browserEntry = await build({
    entryPoints: [fileURLToPath(new URL('../packages/extract/src/browser.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'nianbaoBrowser',
    platform: 'browser',
    conditions: ['@nianbao/source'],
    write: false,
    logLevel: 'silent',
  });
  browserBundle = browserEntry.outputFiles[0]!.text;
  browser = await withTimeout(
    chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    }),
    30_000,
    'launching Chromium',
  );
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** A page with JavaScript off (the portal's own scripts must not change the DOM), serving `pages` by URL. */
async function openPage(pages: Record<string, string>, javaScriptEnabled = false): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  await context.route('**/*', (route) => {
    const html = pages[route.request().url()];
    return html === undefined
      ? route.abort()
      : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
  return context.newPage();
}

/** Runs the bundled core on the page's own DOM. */
async function extractInPage(
  page: Page,
  url: string,
): Promise<{ report: Report; found: boolean; ruleIds: string[]; cells: number }> {
  return withTimeout(
    page.evaluate(`(() => {
      ${bundle}
      const r = nianbaoExtract.extractFromDocument(document, { url: ${JSON.stringify(url)} });
      return { report: r.report, found: r.found, ruleIds: r.diagnostics.map((d) => d.ruleId),
        cells: Object.values(r.provenance.cells).filter((c) => c.location && c.location.element && c.location.element.tagName === 'TD').length };
    })()`),
    30_000,
    `extract in ${url}`,
  ) as Promise<{ report: Report; found: boolean; ruleIds: string[]; cells: number }>;
}

describe('Node HTML path and Chromium DOM give the same report', () => {
  it.each(PAGES)(
    '%s',
    async (id, url) => {
      const html = readCorpus(`pages/${id}.html`);
      const node = await extract(readFileSync(corpusPath(`pages/${id}.html`)), { url });
      const page = await openPage({ [url]: html });
      await withTimeout(
        page.goto(url, { waitUntil: 'domcontentloaded' }),
        30_000,
        `loading ${url}`,
      );
      const chrome = await extractInPage(page, url);
      await page.context().close();
      expect(chrome.found).toBe(node.found);
      expect(chrome.report).toEqual(node.report);
      // When no table is on the page (pt-gaj-2020), the live page also names the frames it could not
      // read (the portal's frames load nothing here); the Node path never loads frames.
      const live = chrome.ruleIds.filter((id) => id !== 'EXTRACT-IFRAME-SKIPPED');
      expect(live.sort()).toEqual(node.diagnostics.map((d) => d.ruleId).sort());
      if (node.report.applications) expect(chrome.ruleIds).not.toContain('EXTRACT-IFRAME-SKIPPED');
      // In the browser, provenance holds the live <td> elements (for marking cells).
      expect(chrome.cells).toBe(Object.keys(node.provenance.cells).length);
    },
    90_000,
  );
});

describe('same-origin iframes', () => {
  it('reads a report inside a same-origin iframe from the outer document', async () => {
    const inner = 'https://www.example.gov.cn/xxgk/report.html';
    const outer = 'https://www.example.gov.cn/xxgk/index.html';
    const html = readCorpus('pages/sh-gov-office-2019.fragment.html');
    const page = await openPage({
      [inner]: `<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`,
      [outer]:
        '<!doctype html><html><head><meta charset="utf-8"><title>年报</title></head><body><div class="nav">首页</div><iframe src="/xxgk/report.html"></iframe></body></html>',
    });
    await withTimeout(page.goto(outer, { waitUntil: 'load' }), 30_000, 'loading the outer page');
    const chrome = await extractInPage(page, outer);
    const node = await extract(html, { url: outer });
    await page.context().close();
    expect(chrome.found).toBe(true);
    expect(chrome.report.applications).toEqual(node.report.applications);
    expect(chrome.report.appeals).toEqual(node.report.appeals);
    expect(chrome.report.sections.map((s) => s.ordinal)).toEqual([
      '一',
      '二',
      '三',
      '四',
      '五',
      '六',
    ]);
  }, 90_000);
});

describe("@nianbao/extract/browser in Chromium (DOMParser, mammoth's browser build)", () => {
  it('reads an HTML string and a .docx like the Node entry', async () => {
    const url = 'https://www.example.gov.cn/blank.html';
    // Scripts on: the .docx path awaits mammoth (the blank page itself has no scripts).
    const page = await openPage(
      { [url]: '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>' },
      true,
    );
    await withTimeout(page.goto(url), 30_000, 'loading a blank page');
    const html = readCorpus('pages/pt-syq-2023.html');
    const docx = readFileSync(
      fileURLToPath(new URL('../packages/extract/test/fixtures/merged-2021.docx', import.meta.url)),
    );
    const inPage = (await withTimeout(
      page.evaluate(`(async () => {
        ${browserBundle}
        const html = ${JSON.stringify(html)};
        const bytes = Uint8Array.from(atob(${JSON.stringify(docx.toString('base64'))}), (c) => c.charCodeAt(0));
        const fromHtml = await nianbaoBrowser.extract(html);
        const fromDocx = await nianbaoBrowser.extract(bytes);
        return { html: fromHtml.report, docx: fromDocx.report, lines: Object.values(fromHtml.provenance.cells).map((c) => c.location.line) };
      })()`),
      60_000,
      'browser entry in the page',
    )) as { html: Report; docx: Report; lines: number[] };
    await page.context().close();
    const nodeHtml = await extract(html);
    const nodeDocx = await extract(new Uint8Array(docx));
    expect(inPage.html).toEqual(nodeHtml.report);
    expect(inPage.docx).toEqual(nodeDocx.report);
    expect(inPage.lines.every((l) => l > 1)).toBe(true);
  }, 120_000);
});
