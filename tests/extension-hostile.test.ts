/// <reference types="chrome" />
/**
 * A hostile page cannot break the extension or the page: script-like text in
 * cells stays text, 10,000 tables do not hang the check, a report printed twice
 * is checked twice, and nothing is thrown into the page's console.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildExtension,
  type ExtensionBrowser,
  launchWithExtension,
  waitForCheck,
} from './extension-browser.ts';
import { type CorpusPage, expectedFor, shanghaiPage } from './extension-expected.ts';

let browser: ExtensionBrowser;

beforeAll(async () => {
  buildExtension();
  browser = await launchWithExtension();
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

/** The Shanghai report's article (real tables), as the body of a new page. */
function article(): string {
  const html = shanghaiPage().html;
  return html.slice(html.indexOf('<body>') + 6, html.lastIndexOf('</body>'));
}

const XSS =
  '&lt;img src=x onerror="window.__pwned=1"&gt;&lt;script&gt;window.__pwned=2&lt;/script&gt;';

/** Page scripts that try to catch the extension's elements and calls in the main world. */
const TRAPS = `<script>
  for (const name of ['nianbao-summary', 'nianbao-overlay', 'nianbao-bar']) {
    customElements.define(name, class extends HTMLElement { constructor() { super(); window.__pwned = 3; } });
  }
  Element.prototype.attachShadow = function () { window.__pwned = 4; throw new Error('no shadow for you'); };
  Element.prototype.setAttribute = new Proxy(Element.prototype.setAttribute, {
    apply(target, self, args) { if (String(args[0]).startsWith('data-nianbao')) window.__pwned = 5; return Reflect.apply(target, self, args); },
  });
</script>`;

function hostilePage(): CorpusPage {
  const body = article()
    // script-like text in label and value cells (escaped: it is text on the page)
    .replace('自然人', `自然人${XSS}`)
    .replace('<p align="center">805</p>', `<p align="center">${XSS}</p>`);
  const noise = Array.from(
    { length: 10_000 },
    (_, i) => `<table class="n"><tr><td>${i}</td><td>${i % 7 ? '合计' : '总计'}</td></tr></table>`,
  ).join('');
  return {
    id: 'hostile',
    url: 'https://www.hostile-test.gov.cn/2019/report.html',
    html: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>2019年政府信息公开工作年度报告</title>${TRAPS}</head><body>${noise}<div>${body}</div><div>${body}</div></body></html>`,
  };
}

function twoReportsPage(): CorpusPage {
  const body = article();
  return {
    id: 'two-reports',
    url: 'https://www.shanghai.gov.cn/nw12344/twice.html',
    html: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>2019年上海市人民政府办公厅政府信息公开工作年度报告</title></head><body><div>${body}</div><hr><div>${body}</div></body></html>`,
  };
}

function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // The stored portal pages reference scripts and images we do not serve: those misses are the page's.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
      problems.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  return problems;
}

describe('hostile pages', () => {
  it('keeps script-like text as text, survives 10,000 tables and logs nothing', async () => {
    const page = hostilePage();
    browser.serve(page.url, page.html);
    const tab = await browser.context.newPage();
    const problems = watch(tab);
    try {
      await tab.goto(page.url, { waitUntil: 'domcontentloaded' });
      const state = await waitForCheck(tab, 45_000);
      expect(state).toBe('done');
      expect(
        Number(await tab.locator('[data-nianbao-summary]').getAttribute('data-reports')),
      ).toBeGreaterThan(0);
      expect(await tab.locator('[data-nianbao-mark]').count()).toBeGreaterThan(0);
      expect(
        await tab.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
      ).toBeUndefined();
      expect(await tab.locator('img[src="x"]').count()).toBe(0);
      // hover marked cells (tooltips quote the page's text), the tampered ones first
      const cells = tab.locator('[data-nianbao-mark]');
      const tampered = tab.locator('[data-nianbao-mark]:has-text("onerror")');
      for (const cell of [...(await tampered.all()), ...(await cells.all()).slice(0, 10)]) {
        await cell.hover({ timeout: 2_000 });
      }
      expect(
        await tab.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
      ).toBeUndefined();
      expect(await tab.locator('table').count()).toBe(page.html.match(/<table/g)!.length);

      const tabId = await browser.tabIdOf(tab);
      const panel = await browser.context.newPage();
      const panelProblems = watch(panel);
      await panel.goto(
        `chrome-extension://${browser.extensionId}/src/sidepanel/index.html?tabId=${tabId}`,
      );
      await panel.waitForSelector(`#app[data-panel-state="${state}"]`);
      expect(await panel.locator('img, script:not([src])').count()).toBe(0);
      await panel.locator('#toggle-marks[data-on="true"]').click();
      await tab.waitForFunction(() => !document.documentElement.hasAttribute('data-nianbao-state'));
      expect(await tab.locator('[data-nianbao-mark], [data-nianbao-summary]').count()).toBe(0);
      expect(panelProblems).toEqual([]);
      await panel.close();
      expect(problems).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('checks both reports of a page that holds two', async () => {
    const page = twoReportsPage();
    const expected = await expectedFor(page);
    expect(expected.reports).toBe(2);
    browser.serve(page.url, page.html);
    const tab = await browser.context.newPage();
    const problems = watch(tab);
    try {
      await tab.goto(page.url, { waitUntil: 'domcontentloaded' });
      expect(await waitForCheck(tab)).toBe('done');
      const summary = tab.locator('[data-nianbao-summary]');
      expect(await summary.getAttribute('data-reports')).toBe('2');
      expect(Number(await summary.getAttribute('data-errors'))).toBe(expected.counts.error);
      // the same defects, marked in both copies
      const marked = await tab.$$eval('[data-nianbao-mark="primary"]', (els) => els.length);
      expect(marked).toBe(2 * new Set([...expected.primaryPaths]).size);
      expect(problems).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
