// The web form in Debian's Chromium against the built app served over HTTP
// (`npm start` when the API exists): import, check while typing, fix, drafts,
// export/import, block paste, hand-over from the extension, accessibility.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkExtracted } from '@nianbao/extract/check';
import { extract } from '@nianbao/extract/node';
import {
  cellPaths,
  check,
  getCell,
  KOUJI_STATEMENT,
  type Report,
  ReportSchema,
  ruleCatalogue,
} from '@nianbao/schema';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCellText } from '../apps/web/src/lib/numbers.ts';
import { corpusPath, readCorpus } from './corpus.ts';
import { type Browser, launchChromium, ROOT, type Served, serveForm } from './web-harness.ts';

/** Every cell of a report by path (undefined when its row is absent). */
function flatCells(report: Report): Record<string, number | null | undefined> {
  return Object.fromEntries(cellPaths(report.format).map((p) => [p, getCell(report, p)]));
}

const SEED = 'seed/000_42380e1adf95d416.txt';
const CLEAN_PAGE = 'pages/pt-syq-2023.html';

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serveForm();
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

/** A fresh page on an empty browser profile (no drafts). */
async function openForm(): Promise<Page> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // Imported portal pages carry onclick="…" attributes; Chromium reports them against the
    // page's CSP while DOMParser reads them (they never run): that report is the CSP working.
    if (m.type() === 'error' && !/inline event handler.*Content Security Policy/.test(m.text())) {
      errors.push(m.text());
    }
  });
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(served.url);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('[data-cell]');
  return page;
}

const pageErrors = (page: Page) => (page as Page & { errors: string[] }).errors;

async function findingRules(page: Page): Promise<string[]> {
  return page
    .locator('[data-finding]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-rule') ?? ''));
}

async function findingPrints(page: Page): Promise<string[]> {
  return page
    .locator('[data-finding]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-finding') ?? ''));
}

/** Every field of the form: cells, meta fields, section headings and texts. */
async function formState(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of document.querySelectorAll<HTMLInputElement>('[data-cell]')) {
      out[`cell:${el.dataset.cell}`] = el.value;
    }
    for (const el of document.querySelectorAll<HTMLInputElement>('[data-meta]')) {
      out[`meta:${el.dataset.meta}`] = el.value;
    }
    document.querySelectorAll<HTMLFieldSetElement>('fieldset.section').forEach((fs, i) => {
      out[`heading:${i}`] = fs.querySelector<HTMLInputElement>('.section-heading')?.value ?? '';
      out[`text:${i}`] = fs.querySelector('textarea')?.value ?? '';
    });
    return out;
  });
}

async function importFile(page: Page, rel: string): Promise<void> {
  await page.setInputFiles('[data-import="file"]', corpusPath(rel));
  await page.waitForSelector('[data-import-result]');
}

describe('web form, built and served over HTTP, in Chromium', () => {
  it('imports the seed text and shows its known findings, the same as check() in Node', async () => {
    const page = await openForm();
    const text = readCorpus(SEED);
    await page.fill('[data-import="text"]', text);
    await page.click('[data-import="read"]');
    await page.waitForSelector('[data-import-result="ok"]');

    const node = await extract({ kind: 'text', text });
    expect(node.found).toBe(true);
    const expected = check(node.report, { provenance: node.provenance });
    expect((await findingPrints(page)).sort()).toEqual(expected.map((f) => f.fingerprint).sort());

    // spec §10: the seed's four known defects, from the findings or the reading notes.
    const diagnostics = await page
      .locator('[data-diagnostic]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-diagnostic')));
    const shown = new Set([...(await findingRules(page)), ...diagnostics]);
    const known = [
      'S-SUBHEADING-SEQUENCE',
      'S-HEADING-ORDINAL-UNIQUE',
      'MONEY-HDR-DECIMALS',
      'T4-SHAPE',
    ];
    const catalogued = new Set(ruleCatalogue().map((r) => r.id));
    for (const id of known.filter((k) => catalogued.has(k))) expect(shown).toContain(id);
    expect(diagnostics).toEqual(node.diagnostics.map((d) => d.ruleId));

    // The 2020 report is in the 2019 trial format: 政府集中采购 is a row, its amount flagged.
    const amount = page.locator('[data-cell="activeDisclosure.procurement.amount"]');
    await expect.poll(() => amount.inputValue()).toBe('1511');
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('says no report was found when the document holds none, and "not found" (not zeros) for missing tables', async () => {
    const page = await openForm();
    const before = await formState(page);
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-web-'));
    const notReport = join(dir, '会议通知.html');
    writeFileSync(
      notReport,
      '<html><body><h1>关于召开年度工作会议的通知</h1><p>请各单位准时参加。</p></body></html>',
    );
    await page.setInputFiles('[data-import="file"]', notReport);
    await page.waitForSelector('[data-import-result="not-found"]');
    expect((await page.locator('[data-import-result]').textContent()) ?? '').toContain(
      '未在「会议通知.html」中找到年度报告',
    );
    expect(await formState(page)).toEqual(before); // the form is left as it was
    rmSync(dir, { recursive: true, force: true });

    // pt-gaj-2020: the page holds only the title, the report is an attached .doc.
    await importFile(page, 'pages/pt-gaj-2020.html');
    await page.waitForSelector('[data-import-result="not-found"]');
    const node = await extract({
      kind: 'html',
      html: readFileSync(corpusPath('pages/pt-gaj-2020.html')),
    });
    expect(node.found).toBe(false);
    const diagnostics = await page
      .locator('[data-diagnostic]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-diagnostic')));
    expect(diagnostics).toEqual(node.diagnostics.map((d) => d.ruleId));
    expect(diagnostics.length).toBeGreaterThan(0);

    // A report without tables (absent, not zero): each table says it was not found.
    const bare = join(mkdtempSync(join(tmpdir(), 'nianbao-web-')), 'no-tables.json');
    writeFileSync(bare, JSON.stringify({ format: '2019', meta: { reportYear: 2020 } }));
    await page.setInputFiles('[data-import="file"]', bare);
    await page.waitForSelector('[data-import-result="ok"]');
    expect(await page.locator('.table-absent').count()).toBe(3);
    const values = Object.entries(await formState(page)).filter(([k]) => k.startsWith('cell:'));
    expect(values.every(([, v]) => v === '')).toBe(true);
    rmSync(dirname(bare), { recursive: true, force: true });
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('flags a wrong number typed into table 三 with a fix; the fix clears it; reload keeps the draft', async () => {
    const page = await openForm();
    await importFile(page, CLEAN_PAGE);
    await page.waitForSelector('[data-import-result="ok"]');
    const before = (await findingRules(page)).filter((r) => r.startsWith('T3-'));
    expect(before).toEqual([]);

    const path = 'applications.results.granted.naturalPerson';
    const input = page.locator(`[data-cell="${path}"]`);
    const original = await input.inputValue();
    expect(original).toMatch(/^\d+$/);
    const wrong = String(Number(original) + 3);
    await input.click();
    await page.keyboard.type(wrong);

    const finding = page.locator(`[data-finding][data-rule^="T3-"]:has([data-fix="${path}"])`);
    await finding.waitFor();
    const fix = finding.locator('[data-fix]');
    expect((await fix.textContent()) ?? '').toBe(`改为 ${original}`);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    // The message is on the cell too, shown while it has focus.
    const tipId = await input.getAttribute('aria-describedby');
    expect(tipId).toBeTruthy();
    await expect.poll(() => page.locator(`[id="${tipId}"]`).isVisible()).toBe(true);

    // Clicking the finding focuses its cell.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await finding.locator('.finding-go').click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe(path);

    await fix.click();
    await expect.poll(() => input.inputValue()).toBe(original);
    expect((await findingRules(page)).filter((r) => r.startsWith('T3-'))).toEqual([]);
    expect(await input.getAttribute('aria-invalid')).toBeNull();

    // A later edit, then a reload: the draft is back as it was.
    await page.locator('[data-cell="appeals.review.upheld"]').click();
    await page.keyboard.type('1');
    const state = await formState(page);
    await page.reload();
    await page.waitForSelector('[data-cell]');
    expect(await formState(page)).toEqual(state);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('exports JSON that the schema accepts and that imports back into the same form', async () => {
    const page2 = await openForm();
    await page2.fill('[data-import="text"]', readCorpus(SEED));
    await page2.click('[data-import="read"]');
    await page2.waitForSelector('[data-import-result="ok"]');
    const state = await formState(page2);
    const prints = await findingPrints(page2);

    const [download] = await Promise.all([
      page2.waitForEvent('download'),
      page2.click('[data-export="json"]'),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-web-'));
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(ReportSchema.safeParse(json).success).toBe(true);
    expect(download.suggestedFilename()).toMatch(/\.json$/);

    await page2.click('[data-draft-action="new"]');
    await expect
      .poll(() => page2.locator('[data-cell="activeDisclosure.procurement.amount"]').count())
      .toBe(0);
    await page2.setInputFiles('[data-import="file"]', file);
    await page2.waitForSelector('[data-import-result="ok"]');
    expect(await formState(page2)).toEqual(state);
    // Without the extractor's provenance, findings that need the raw header (保留4位小数) may differ;
    // every finding about values and structure is the same.
    const again = new Set(await findingPrints(page2));
    expect(prints.filter((p) => !again.has(p)).length).toBeLessThanOrEqual(2);
    rmSync(dir, { recursive: true, force: true });
    await page2.close();
  });

  it('reads a .docx in the browser, the same as the Node extractor', async () => {
    const page = await openForm();
    const docx = join(ROOT, 'packages/extract/test/fixtures/pt-syq-2019.docx');
    await page.setInputFiles('[data-import="file"]', docx);
    await page.waitForSelector('[data-import-result="ok"]', { timeout: 30_000 });
    const node = await extract({ kind: 'docx', data: readFileSync(docx) });
    expect(node.found).toBe(true);
    const cells = await formState(page);
    for (const [path, value] of Object.entries(flatCells(node.report))) {
      // The form shows the text as found (e.g. 75394432.52元), which reads as the same value.
      expect(parseCellText(cells[`cell:${path}`] ?? 'missing'), path).toEqual({
        ok: true,
        value: value ?? null,
      });
    }
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('exports the tables as an HTML fragment in the official layout, and prints without the tools', async () => {
    const page = await openForm();
    await page.fill('[data-import="text"]', readCorpus(SEED));
    await page.click('[data-import="read"]');
    await page.waitForSelector('[data-import-result="ok"]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-export="html"]'),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-web-'));
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const fragment = readFileSync(file, 'utf8');
    rmSync(dir, { recursive: true, force: true });
    expect(download.suggestedFilename()).toMatch(/\.html$/);
    expect(fragment).toContain(KOUJI_STATEMENT);
    expect(fragment).toMatch(/colspan="3" rowspan="3"/);
    expect(fragment).toContain('第二十条第（九）项');
    expect(fragment).not.toContain('nb-flag '); // a clean fragment: no finding marks
    expect(fragment).not.toMatch(/<script/i);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#findings').isVisible()).toBe(false);
    expect(await page.locator('[data-import="text"]').isVisible()).toBe(false);
    expect(await page.locator('table.t3').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });

  it('fills the grid from the focused cell when a block copied from a spreadsheet is pasted', async () => {
    const page = await openForm();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(served.url).origin,
    });
    const tsv =
      '一、本年新收政府信息公开申请数量\t5\t1\t0\t0\t0\t0\t6\r\n二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\r\n';
    await page.evaluate((text) => navigator.clipboard.writeText(text), tsv);
    await page.locator('[data-cell="applications.newReceived.naturalPerson"]').click();
    await page.keyboard.press('Control+V');
    const values = await page.evaluate(() =>
      ['newReceived', 'carriedOver'].map((row) =>
        [...document.querySelectorAll<HTMLInputElement>(`[data-cell^="applications.${row}."]`)].map(
          (i) => i.value,
        ),
      ),
    );
    expect(values).toEqual([
      ['5', '1', '0', '0', '0', '0', '6'],
      ['1', '0', '0', '0', '0', '0', '1'],
    ]);
    expect((await page.locator('.paste-status').textContent()) ?? '').toContain(
      '已粘贴 14 个单元格',
    );
    await page.close();
  });

  it('takes a report handed over by the extension in #import= and clears the hash', async () => {
    const page = await openForm();
    const node = await extract({ kind: 'text', text: readCorpus(SEED) });
    const payload = {
      report: node.report,
      provenance: node.provenance,
      source: 'https://example.gov.cn/nb.html',
    };
    const hash = `#import=${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    await page.goto(`${served.url}${hash}`);
    await page.waitForSelector('[data-notice="hash-imported"]');
    expect(new URL(page.url()).hash).toBe('');
    expect(
      await page.locator('[data-cell="activeDisclosure.procurement.amount"]').inputValue(),
    ).toBe('1511');
    const expected = check(node.report, { provenance: node.provenance }).map((f) => f.fingerprint);
    expect((await findingPrints(page)).sort()).toEqual(expected.sort());
    await page.close();
  });

  it('opens a blank form neutral; counts the seed as the CLI does; text typed in a cell (七十一) blocks upload, offers 改为 71 and survives a reload', async () => {
    const page = await openForm();
    // A new blank report: no verdict before anything is typed or imported. (Opened with
    // "新建空白报告": the page may have come up on a draft a previous page left behind.)
    await page.click('[data-draft-action="new"]');
    const banner = page.locator('[data-ready]');
    await expect.poll(() => banner.getAttribute('data-ready')).toBe('neutral');
    expect((await banner.textContent()) ?? '').not.toContain('暂不能上传');

    // The seed shows the same error count as the CLI (reading notes never count as errors).
    const text = readCorpus(SEED);
    await page.fill('[data-import="text"]', text);
    await page.click('[data-import="read"]');
    await page.waitForSelector('[data-import-result="ok"]');
    const node = checkExtracted(await extract({ kind: 'text', text }));
    expect(node.summary.errors).toBe(2);
    expect(await banner.getAttribute('data-ready')).toBe('false');
    expect(await banner.getAttribute('data-errors')).toBe(String(node.summary.errors));
    const blocking = await page
      .locator('[data-blocks-upload="true"] [data-finding]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')).sort());
    expect(blocking).toEqual(['MONEY-HDR-DECIMALS', 'S-HEADING-ORDINAL-UNIQUE']);

    // A clean page, then 七十一 typed into a count cell.
    await importFile(page, CLEAN_PAGE);
    await page.waitForSelector('[data-import-result="ok"]');
    expect(await banner.getAttribute('data-ready')).toBe('true');
    const path = 'applications.results.granted.naturalPerson';
    const input = page.locator(`[data-cell="${path}"]`);
    const original = await input.inputValue();
    await input.click();
    await page.keyboard.type('七十一');
    await expect.poll(() => banner.getAttribute('data-ready')).toBe('false');
    expect((await banner.textContent()) ?? '').toContain('暂不能上传');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    const finding = page.locator(`[data-finding][data-rule="FORM-NOT-A-NUMBER"]`);
    await finding.waitFor();
    expect(await finding.getAttribute('data-severity')).toBe('error');
    expect((await finding.locator('.finding-go').textContent()) ?? '').toContain('七十一');
    expect((await finding.locator(`[data-fix="${path}"]`).textContent()) ?? '').toBe('改为 71');
    // No sums with the old value: nothing of table 三 is reported while the cell is no number.
    expect((await findingRules(page)).filter((r) => r.startsWith('T3-'))).toEqual([]);

    // Reload: the text is back as typed, with its error. (The draft keeps the text: wait for
    // the save, at most 300 ms after the edit, so this is about what a reload restores.)
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            Object.keys(localStorage).some(
              (k) => k.startsWith('nianbao.draft.') && localStorage.getItem(k)?.includes('七十一'),
            ),
          ),
        { timeout: 10_000 },
      )
      .toBe(true);
    await page.reload();
    await page.waitForSelector('[data-cell]');
    await expect.poll(() => input.inputValue(), { timeout: 10_000 }).toBe('七十一');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await banner.getAttribute('data-ready')).toBe('false');
    await finding.waitFor();

    // 改为 71: the error is gone (71 is not the page's number, so the sums now speak).
    await finding.locator(`[data-fix="${path}"]`).click();
    await expect.poll(() => input.inputValue()).toBe('71');
    expect(await finding.count()).toBe(0);
    if (original !== '71') {
      expect((await findingRules(page)).some((r) => r.startsWith('T3-'))).toBe(true);
    }
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('has no serious or critical accessibility violation (axe-core), with findings on screen', async () => {
    const page = await openForm();
    await page.fill('[data-import="text"]', readCorpus(SEED));
    await page.click('[data-import="read"]');
    await page.waitForSelector('[data-import-result="ok"]');
    const require = createRequire(import.meta.url);
    const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    // Evaluated through the DevTools protocol, which the page's CSP does not govern.
    await page.evaluate(axeSource);
    for (const locale of ['zh-CN', 'en']) {
      if (locale === 'en') await page.click('[data-action="locale"]');
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(
                ctx: Document,
                o: object,
              ): Promise<{
                violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
              }>;
            };
          }
        ).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
        }));
      });
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad, `${locale}: ${JSON.stringify(bad, null, 1)}`).toEqual([]);
    }
    await page.close();
  });
});
