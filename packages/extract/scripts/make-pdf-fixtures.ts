/**
 * Writes the PDF and .doc fixtures of test/fixtures/pdf with real tools (run
 * once; CI has neither LibreOffice nor poppler, so the files are committed):
 *
 *   npx tsx --conditions=@nianbao/source packages/extract/scripts/make-pdf-fixtures.ts
 *
 * 1. Chromium's print-to-PDF (playwright-core, Debian's /usr/bin/chromium,
 *    scripts off, every request aborted) of sh-gov-office-2019.fragment
 *    (committed). With `--all`, also the three Pingtan pages and, for two
 *    pages, with a header and footer (`.hf.pdf`: title, date, 第 N 页 / 共 M 页),
 *    narrow (`.narrow.pdf`, 120 mm wide: labels wrap over several lines) and
 *    landscape (`.landscape.pdf`). These are 0.5–0.8 MB each (Chromium embeds
 *    Noto Sans CJK subsets), so they are not committed: `--all` makes them for
 *    working on the reader.
 * 2. LibreOffice: `soffice --headless --convert-to pdf` of the .docx fixtures
 *    (`lo-<name>.pdf`), `--convert-to doc` of them (`<name>.doc`), and an
 *    encrypted PDF (password "nianbao") through the PDF export's filter options.
 * 3. A scan: `pdftoppm -r 60 -gray` of the first two pages of sh-gov-office-2019.fragment.pdf,
 *    printed back to PDF by Chromium from `<img>` tags (no text layer).
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { corpusPath } from '../../../tests/corpus.ts';

const fixtures = fileURLToPath(new URL('../test/fixtures/', import.meta.url));
const out = join(fixtures, 'pdf');
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));

const ALL = process.argv.includes('--all');
const PAGES = ALL
  ? ['pt-syq-2023', 'pt-shs-2023', 'pt-syq-2019', 'sh-gov-office-2019.fragment']
  : ['sh-gov-office-2019.fragment'];
/** Pages also printed with header/footer, narrow and landscape. */
const VARIANTS = ['pt-syq-2023', 'sh-gov-office-2019.fragment'];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox'],
});
const context = await browser.newContext({ javaScriptEnabled: false });
const page = await context.newPage();
await page.route('**/*', (route) =>
  route.request().url().startsWith('data:') ? route.continue() : route.abort(),
);

async function print(html: string, file: string, options: Parameters<typeof page.pdf>[0]) {
  await page.setContent(html, { waitUntil: 'domcontentloaded' });
  await page.pdf({ path: join(out, file), printBackground: false, ...options });
  console.log('wrote', file);
}

for (const id of PAGES) {
  const html = readFileSync(corpusPath(`pages/${id}.html`), 'utf8');
  await print(html, `${id}.pdf`, { format: 'A4', margin: { top: '15mm', bottom: '15mm' } });
  if (!ALL || !VARIANTS.includes(id)) continue;
  await print(html, `${id}.hf.pdf`, {
    format: 'A4',
    displayHeaderFooter: true,
    headerTemplate:
      '<div style="font-size:9px;width:100%;text-align:center">政府信息公开工作年度报告 <span class="date"></span></div>',
    footerTemplate:
      '<div style="font-size:9px;width:100%;text-align:center">第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</div>',
    margin: { top: '20mm', bottom: '20mm' },
  });
  await print(html, `${id}.narrow.pdf`, {
    width: '120mm',
    height: '297mm',
    margin: { top: '10mm', bottom: '10mm', left: '5mm', right: '5mm' },
  });
  await print(html, `${id}.landscape.pdf`, { format: 'A4', landscape: true });
}

// LibreOffice: .docx fixtures → PDF and → .doc; one encrypted PDF.
const soffice = (args: string[]) =>
  execFileSync('soffice', ['--headless', ...args, '--outdir', work], { stdio: 'ignore' });
for (const name of ['merged-2021', 'pt-syq-2019', 'sh-gov-office-2019']) {
  soffice(['--convert-to', 'pdf', join(fixtures, `${name}.docx`)]);
  copyFileSync(join(work, `${name}.pdf`), join(out, `lo-${name}.pdf`));
  soffice(['--convert-to', 'doc', join(fixtures, `${name}.docx`)]);
  copyFileSync(join(work, `${name}.doc`), join(out, `${name}.doc`));
  console.log('wrote', `lo-${name}.pdf`, `${name}.doc`);
}
const encrypt = JSON.stringify({
  EncryptFile: { type: 'boolean', value: 'true' },
  DocumentOpenPassword: { type: 'string', value: 'nianbao' },
});
const encWork = mkdtempSync(join(tmpdir(), 'nianbao-enc-'));
copyFileSync(join(fixtures, 'merged-2021.docx'), join(encWork, 'encrypted.docx'));
soffice([`--convert-to`, `pdf:writer_pdf_Export:${encrypt}`, join(encWork, 'encrypted.docx')]);
copyFileSync(join(work, 'encrypted.pdf'), join(out, 'encrypted.pdf'));
console.log('wrote encrypted.pdf');

// A scan: the pages as grey images, printed back to a PDF with no text layer.
execFileSync('pdftoppm', [
  '-r',
  '60',
  '-gray',
  '-png',
  '-f',
  '1',
  '-l',
  '2',
  join(out, 'sh-gov-office-2019.fragment.pdf'),
  join(work, 'scan'),
]);
const images = readdirSync(work)
  .filter((f) => f.startsWith('scan') && f.endsWith('.png'))
  .sort()
  .map(
    (f) =>
      `<img style="width:100%;page-break-after:always" src="data:image/png;base64,${readFileSync(join(work, f)).toString('base64')}">`,
  )
  .join('');
writeFileSync(join(work, 'scan.html'), `<!doctype html><body style="margin:0">${images}</body>`);
await print(readFileSync(join(work, 'scan.html'), 'utf8'), 'scan-sh-gov-office-2019.pdf', {
  format: 'A4',
  margin: { top: '0', bottom: '0', left: '0', right: '0' },
});

await browser.close();
