// The HTML output opened in Chromium: self-contained (no request leaves the file),
// one section per report, and exactly the cells the findings name are marked.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CheckedReport, flaggedCells } from '@nianbao/render';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCli } from './cli-helpers.ts';
import { CORPUS_DIR, REPORT_FOLDERS } from './corpus.ts';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

let dir: string;
let results: CheckedReport[];

beforeAll(async () => {
  ensureCliBuilt();
  dir = mkdtempSync(path.join(tmpdir(), 'nianbao-html-'));
  const html = await runCli(
    ['check', ...REPORT_FOLDERS, '--format', 'html', '--output', path.join(dir, 'report.html')],
    {
      cwd: CORPUS_DIR,
    },
  );
  expect(html.code).toBe(1);
  expect(html.stdout).toBe('');
  results = JSON.parse(
    (await runCli(['check', ...REPORT_FOLDERS, '--format', 'json'], { cwd: CORPUS_DIR })).stdout,
  ).results;
}, 180_000);

describe('HTML output in Chromium', () => {
  it('marks exactly the flagged cells of every report, offline', async () => {
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ARGS,
    });
    const overall = setTimeout(() => void browser.close(), 60_000);
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const file = pathToFileURL(path.join(dir, 'report.html')).href;
      await page.goto(file, { waitUntil: 'load', timeout: 30_000 });
      expect(requests.filter((u) => u !== file)).toEqual([]);

      const sections = await page.$$eval('section.nb-report', (els) =>
        els.map((el) => ({
          source: el.getAttribute('data-source'),
          flagged: [...el.querySelectorAll('td[data-flag]')].map((td) =>
            td.getAttribute('data-cell'),
          ),
          tables: el.querySelectorAll('table.nb-table').length,
          findingRows: el.querySelectorAll('table.nb-findings tbody tr').length,
        })),
      );
      expect(sections.map((s) => s.source)).toEqual(results.map((r) => r.source));
      let totalFlagged = 0;
      for (const [i, r] of results.entries()) {
        const s = sections[i]!;
        const shown = [...r.findings, ...r.diagnostics, ...r.suppressed].length;
        expect(s.findingRows, r.source).toBe(shown);
        if (!r.report || !r.found) {
          expect(s.flagged, r.source).toEqual([]);
          continue;
        }
        const expected = flaggedCells(r.report, [...r.findings, ...r.diagnostics]);
        expect(s.flagged.sort(), r.source).toEqual([...expected.keys()].sort());
        totalFlagged += s.flagged.length;
      }
      expect(totalFlagged).toBeGreaterThan(0);

      // The summary table lists every input; the page prints without its own scripts.
      expect(await page.locator('table.nb-summary tbody tr').count()).toBe(results.length);
      expect(await page.locator('script').count()).toBe(0);
      const flaggedStyle = await page.$eval(
        'td[data-flag="error"], td[data-flag="warning"]',
        (td) => getComputedStyle(td).outlineStyle,
      );
      expect(['solid', 'dashed']).toContain(flaggedStyle);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.byteLength).toBeGreaterThan(1000);
    } finally {
      clearTimeout(overall);
      await browser.close();
    }
  });

  it('draws the tables in the official layout where a report was found, and only there', () => {
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).toContain('三、本年度办理结果');
    expect(html).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    // The page whose report is an attached .doc: said so, no tables drawn.
    const gaj = html.slice(html.indexOf('data-source="pages/pt-gaj-2020.html"'));
    expect(gaj.slice(0, gaj.indexOf('</section>'))).toContain(
      '未能在该文档中读到年度报告，未做检查',
    );
    expect(gaj.slice(0, gaj.indexOf('</section>'))).not.toContain('nb-table');
  });
});
