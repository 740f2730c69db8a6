/// <reference types="chrome" />
/**
 * bench/extension: what the extension costs.
 *
 * 1. Size (gzip -9) of the content script that runs on every *.gov.cn page and
 *    of everything it loads on a report page (the checker). Aim: 60 KB together.
 * 2. Time the detector spends on a gov.cn page that is not a report (the real
 *    portal chrome of a pingtan page, article removed) and on a hostile page of
 *    10,000 tables, measured inside Chromium.
 * 3. Time from page ready (DOMContentLoaded) to marks on the corpus pages with
 *    the built extension loaded (detector → worker → injection → extract →
 *    check → marks), and the checker's own share. Aim: under 50 ms.
 *
 * Prints figures and ratios; never fails on a timing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import {
  buildExtension,
  EXTENSION_DIR,
  EXTENSION_DIST,
  launchWithExtension,
  waitForCheck,
} from '../../tests/extension-browser.ts';
import { pingtanPage, shanghaiPage } from '../../tests/extension-expected.ts';

const AIM_BYTES = 60 * 1024;
const AIM_MS = 50;
const RUNS = 7;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function sizes() {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIST, 'manifest.json'), 'utf8'));
  const detector = manifest.content_scripts[0].js[0] as string;
  const files = [detector, 'src/content/checker.iife.js'];
  let total = 0;
  console.log('size (gzip -9)');
  for (const file of files) {
    const raw = readFileSync(join(EXTENSION_DIST, file));
    const gz = gzipSync(raw, { level: 9 }).length;
    total += gz;
    console.log(
      `  ${file.padEnd(34)} ${kb(raw.length).padStart(9)} raw  ${kb(gz).padStart(8)} gzip`,
    );
  }
  console.log(
    `  together${' '.repeat(27)}${kb(total).padStart(23)} gzip  = ${((100 * total) / AIM_BYTES).toFixed(0)}% of the 60 KB aim`,
  );
}

/** A detector module bundled as a page script exposing looksLikeReport, to time it in Chromium. */
async function detectorBundle(entry: string): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: EXTENSION_DIR,
    build: {
      write: false,
      lib: {
        entry,
        name: 'nianbaoDetect',
        formats: ['iife'],
        fileName: 'detect',
      },
      minify: true,
    },
  });
  const outputs = Array.isArray(out) ? out : [out];
  const chunk = (outputs[0] as { output: { type: string; code?: string }[] }).output.find(
    (o) => o.type === 'chunk',
  );
  return chunk!.code!;
}

function notAReportPage(): string {
  // Real gov.cn portal chrome (menus, scripts, footer) around a news article instead of the report.
  const html = pingtanPage('pt-syq-2023.html').html;
  return html
    .replace(
      /<title>[^<]*<\/title>/,
      '<title>平潭综合实验区召开安全生产工作会议_工作动态_平潭综合实验区党工委管委会</title>',
    )
    .replace(
      /<div class=TRS_Editor>[\s\S]*?<\/div>/,
      '<div class=TRS_Editor><p>会议要求，各部门要压实安全生产责任，抓好隐患排查整治。</p></div>',
    )
    .replace(/政府信息公开工作年度报告|政府信息公开年报|年度报告/g, '工作动态');
}

function manyTablesPage(): string {
  const tables = Array.from(
    { length: 10_000 },
    (_, i) => `<table><tr><td>${i}</td><td>x</td></tr></table>`,
  ).join('');
  return `<!DOCTYPE html><html><head><title>平潭综合实验区数据目录</title></head><body>${tables}</body></html>`;
}

async function timings() {
  buildExtension();
  sizes();
  const detectors = [
    [
      'detector (+ same-origin frames)',
      await detectorBundle(join(EXTENSION_DIR, 'src/content/detect.ts')),
    ],
  ] as const;
  const browser = await launchWithExtension();
  try {
    console.log(
      '\ndetector on pages that are not reports (inside Chromium, per call, median of 9 batches of 50)',
    );
    for (const [name, url, html] of [
      [
        'pingtan portal page, news article',
        'https://www.pingtan.gov.cn/xxgk/gzdt/202403/t1.htm',
        notAReportPage(),
      ],
      ['10,000 small tables', 'https://www.pingtan.gov.cn/sjml/t2.htm', manyTablesPage()],
    ] as const) {
      browser.serve(url, html);
      const page = await browser.context.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const state = await waitForCheck(page, 30_000);
      for (const [detectorName, bundle] of detectors) {
        await page.addScriptTag({ content: bundle });
        const micros = await page.evaluate(() => {
          const detect = (
            globalThis as unknown as { nianbaoDetect: { looksLikeReport(d: Document): boolean } }
          ).nianbaoDetect;
          // Batches, because performance.now() is coarsened to ~100 µs in pages.
          const perCall: number[] = [];
          let verdict = false;
          for (let batch = 0; batch < 9; batch++) {
            const t = performance.now();
            for (let i = 0; i < 50; i++) verdict = detect.looksLikeReport(document);
            perCall.push(((performance.now() - t) * 1000) / 50);
          }
          perCall.sort((a, b) => a - b);
          return { median: perCall[4]!, worst: perCall[8]!, verdict };
        });
        console.log(
          `  ${name.padEnd(34)} ${detectorName.padEnd(32)} ${micros.median.toFixed(0).padStart(6)} µs median  ${micros.worst.toFixed(0).padStart(6)} µs worst batch  verdict=${micros.verdict} state=${state}`,
        );
      }
      await page.close();
    }

    console.log(
      `\npage ready (DOMContentLoaded) → marks, built extension, median of ${RUNS} loads`,
    );
    const pages = [
      shanghaiPage(),
      pingtanPage('pt-syq-2019.html'),
      pingtanPage('pt-syq-2023.html'),
      pingtanPage('pt-shs-2023.html'),
    ];
    for (const p of pages) browser.serve(p.url, p.html);
    await browser.context.addInitScript(() => {
      // Main world: note when the extension's state attribute settles.
      new MutationObserver(() => {
        const s = document.documentElement?.getAttribute('data-nianbao-state');
        if (s === 'done' && !(window as unknown as { __marksAt?: number }).__marksAt) {
          (window as unknown as { __marksAt?: number }).__marksAt = performance.now();
        }
      }).observe(document, {
        attributes: true,
        subtree: true,
        attributeFilter: ['data-nianbao-state'],
      });
    });
    for (const p of pages) {
      const total: number[] = [];
      const checker: number[] = [];
      const parts = { extract: [] as number[], check: [] as number[], mark: [] as number[] };
      const steps = { detect: [] as number[], inject: [] as number[], settings: [] as number[] };
      for (let i = 0; i < RUNS; i++) {
        const page = await browser.context.newPage();
        await page.goto(p.url, { waitUntil: 'domcontentloaded' });
        await waitForCheck(page, 30_000);
        const dcl = await page.evaluate(
          () =>
            (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
              .domContentLoadedEventEnd,
        );
        const ready =
          (await page.evaluate(() => (window as unknown as { __marksAt: number }).__marksAt)) - dcl;
        const tabId = await browser.tabIdOf(page);
        const own = await browser.worker.evaluate(async (id) => {
          const key = `tab:${id}`;
          const got = await chrome.storage.session.get(key);
          return got[key] as
            | {
                durationMs?: number;
                timings?: { extract: number; check: number; mark: number };
                phases?: { detectedAt?: number; injectedAt: number; runAt: number };
              }
            | undefined;
        }, tabId);
        total.push(ready);
        checker.push(own?.durationMs ?? Number.NaN);
        parts.extract.push(own?.timings?.extract ?? Number.NaN);
        parts.check.push(own?.timings?.check ?? Number.NaN);
        parts.mark.push(own?.timings?.mark ?? Number.NaN);
        const phases = own?.phases;
        steps.detect.push((phases?.detectedAt ?? Number.NaN) - dcl);
        steps.inject.push((phases?.injectedAt ?? Number.NaN) - (phases?.detectedAt ?? Number.NaN));
        steps.settings.push((phases?.runAt ?? Number.NaN) - (phases?.injectedAt ?? Number.NaN));
        await page.close();
      }
      const m = median(total);
      const f = (xs: number[]) => median(xs).toFixed(1);
      console.log(
        `  ${p.id.padEnd(20)} ready→marks ${m.toFixed(1).padStart(6)} ms = ${(m / AIM_MS).toFixed(2)}× the 50 ms aim`,
      );
      console.log(
        `  ${''.padEnd(20)}   detector ${f(steps.detect)} · worker+injection ${f(steps.inject)} · settings ${f(steps.settings)} · in page ${f(checker)} (extract ${f(parts.extract)}, check ${f(parts.check)}, mark ${f(parts.mark)})`,
      );
    }
  } finally {
    await browser.close();
  }
}

timings().catch((error) => {
  console.error(error);
  process.exit(1);
});
