// Form drafts in Debian's Chromium against the built app served over HTTP (`npm start`):
// a localStorage already full when the form opens, and one draft edited from two tabs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { blankReport, type Report } from '@nianbao/schema';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchChromium, type Served, serveForm } from './web-harness.ts';

const KEY = 'nianbao.draft.v1.';

interface StoredDraft {
  id: string;
  updatedAt: string;
  report: Report;
  heldFrom?: string;
}

function draft(id: string, agencyName: string, updatedAt: string): StoredDraft {
  const report = blankReport('2021', 0);
  report.meta = { agencyName, agencyKind: 'dept', reportYear: 2023 };
  return { id, updatedAt, report };
}

let served: Served;
let browser: Browser | undefined;

beforeAll(async () => {
  served = await serveForm();
}, 240_000);

afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

afterAll(async () => {
  await served?.stop();
});

/** Serious or critical accessibility violations (axe-core) on the page as it is. */
async function axeViolations(page: Page): Promise<string[]> {
  const require = createRequire(import.meta.url);
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
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
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function storedDraft(page: Page, id: string): Promise<StoredDraft | null> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), KEY + id);
}

async function allDrafts(page: Page): Promise<StoredDraft[]> {
  return page.evaluate((prefix) => {
    const out: StoredDraft[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(prefix)) out.push(JSON.parse(localStorage.getItem(key) ?? 'null'));
    }
    return out;
  }, KEY);
}

/** Opens the form on one saved draft, written before any script of the form runs. */
async function seedShared(page: Page): Promise<void> {
  await page.addInitScript(
    ({ d, prefix }) => {
      if (sessionStorage.getItem('nb-test-seeded')) return;
      sessionStorage.setItem('nb-test-seeded', '1');
      localStorage.clear();
      localStorage.setItem(prefix + d.id, JSON.stringify(d));
      localStorage.setItem('nianbao.currentDraft', d.id);
    },
    { d: draft('shared', '嵩县公安局', '2024-01-10T08:00:00Z'), prefix: KEY },
  );
  await page.goto(served.url);
  await page.waitForSelector('[data-cell]');
}

describe('form drafts in Chromium', () => {
  it('opens on a localStorage filled to the quota: drafts listed, export and delete offered, the edit saved once there is room', async () => {
    browser = await launchChromium();
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    const old = draft('old', '嵩县公安局', '2023-01-05T08:00:00Z');
    const cur = draft('cur', '平潭综合实验区社会事业局', '2024-02-01T08:00:00Z');
    // Before any script of the form runs (once per tab): two saved drafts, then filler
    // items until the browser refuses even one more character.
    await page.addInitScript(
      ({ drafts, prefix }) => {
        if (sessionStorage.getItem('nb-test-filled')) return;
        sessionStorage.setItem('nb-test-filled', '1');
        localStorage.clear();
        for (const d of drafts) localStorage.setItem(prefix + d.id, JSON.stringify(d));
        localStorage.setItem('nianbao.currentDraft', 'cur');
        let i = 0;
        let chunk = 1 << 20;
        while (chunk >= 1) {
          try {
            localStorage.setItem(`filler.${i}`, 'x'.repeat(chunk));
            i++;
          } catch {
            chunk = Math.floor(chunk / 2);
          }
        }
      },
      { drafts: [old, cur], prefix: KEY },
    );
    await page.goto(served.url);
    await page.waitForSelector('[data-cell]');
    // The storage really is full: not even one character more fits.
    expect(
      await page.evaluate(() => {
        try {
          localStorage.setItem('nb-test-probe', 'x');
          localStorage.removeItem('nb-test-probe');
          return 'fits';
        } catch (error) {
          return (error as DOMException).name;
        }
      }),
    ).toBe('QuotaExceededError');

    // Both saved drafts are listed, and the current one is open.
    const listed = await page
      .locator('.draft-list [data-draft]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-draft')));
    expect(listed.sort()).toEqual(['cur', 'old']);
    expect(await page.locator('[data-meta="agencyName"]').inputValue()).toBe(
      '平潭综合实验区社会事业局',
    );
    // The message says what to do and offers both.
    const message = page.locator('[data-storage-full]');
    await message.waitFor();
    expect(await message.getAttribute('role')).toBe('alert');
    const text = (await message.textContent()) ?? '';
    expect(text).toContain('存储空间已满');
    expect(text).toContain('导出 JSON');
    expect(text).toMatch(/删除.*旧草稿/);
    const exportButton = message.locator('[data-storage-full-action="export"]');
    const deleteButton = message.locator('[data-storage-full-action="delete-old"]');
    expect(await exportButton.isVisible()).toBe(true);
    expect(await deleteButton.isVisible()).toBe(true);

    // The form stays usable: an edit is shown and checked, though it cannot be saved yet.
    const title = '平潭综合实验区社会事业局2023年政府信息公开工作年度报告（修订稿）';
    await page.locator('[data-meta="title"]').fill(title);
    await page.locator('[data-cell="appeals.review.upheld"]').fill('7');
    await page.waitForTimeout(600);
    expect(await page.locator('[data-cell="appeals.review.upheld"]').inputValue()).toBe('7');
    expect((await storedDraft(page, 'cur'))?.report.meta.title).toBeUndefined();
    expect((await storedDraft(page, 'old'))?.report.meta.agencyName).toBe('嵩县公安局');
    expect(await message.isVisible()).toBe(true);

    // Export: the report in the form, as JSON.
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    const exported = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8'));
    expect(exported.meta.title).toBe(title);
    expect(exported.appeals.review.upheld).toBe(7);

    // Delete old drafts: the other drafts are offered, oldest first; deleting one makes room.
    await deleteButton.click();
    const oldRow = message.locator('[data-old-draft="old"]');
    await oldRow.waitFor();
    expect(await message.locator('[data-old-draft="cur"]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    page.once('dialog', (dialog) => dialog.accept());
    await oldRow.locator('[data-old-draft-action="delete"]').click();
    await expect.poll(async () => (await storedDraft(page, 'cur'))?.report.meta.title).toBe(title);
    expect(await storedDraft(page, 'old')).toBeNull();
    await message.waitFor({ state: 'detached' });

    // Nothing was lost: a reload opens the edited report.
    await page.reload();
    await page.waitForSelector('[data-cell]');
    expect(await page.locator('[data-meta="title"]').inputValue()).toBe(title);
    expect(await page.locator('[data-cell="appeals.review.upheld"]').inputValue()).toBe('7');
    expect(errors).toEqual([]);
  });

  it('one draft in two tabs: neither edit is lost, and the user is asked which to keep', async () => {
    browser = await launchChromium();
    const one = await browser.context.newPage();
    const errors = watchErrors(one);
    await seedShared(one);
    const two = await browser.context.newPage();
    errors.push(...watchErrors(two));
    await two.goto(served.url);
    await two.waitForSelector('[data-cell]');
    for (const page of [one, two]) {
      expect(await page.locator('[data-meta="agencyName"]').inputValue()).toBe('嵩县公安局');
    }
    await one.waitForTimeout(500);

    // Tab one edits a cell; its version is saved.
    await one.bringToFront();
    await one.locator('[data-cell="appeals.review.upheld"]').fill('1');
    await expect
      .poll(async () => (await storedDraft(two, 'shared'))?.report.appeals?.review?.upheld)
      .toBe(1);
    // Tab two, not reloaded, edits another cell of the same draft.
    await two.bringToFront();
    await two.locator('[data-cell="appeals.review.corrected"]').fill('2');

    // Tab two asks, in the page, which version to keep.
    const prompt = two.locator('[data-conflict="conflict"]');
    await prompt.waitFor();
    expect(await prompt.getAttribute('role')).toBe('alert');
    const text = (await prompt.textContent()) ?? '';
    expect(text).toContain('另一个标签页');
    expect(text).toContain('请选择保留哪个版本');
    for (const choice of ['mine', 'theirs', 'both']) {
      expect(await prompt.locator(`[data-choice="${choice}"]`).isVisible()).toBe(true);
    }
    expect(await prompt.locator('[data-choice="mine"]').textContent()).toContain('保留此标签页');
    expect(await prompt.locator('[data-choice="theirs"]').textContent()).toContain(
      '采用另一个标签页',
    );
    expect(await prompt.locator('[data-choice="both"]').textContent()).toContain('两个都保留');
    expect(await axeViolations(two)).toEqual([]);

    // Neither edit is lost meanwhile: tab one's stays in the draft, tab two's is held as a copy.
    const held = async () => (await allDrafts(two)).filter((d) => d.heldFrom === 'shared');
    await expect.poll(async () => (await held()).length).toBe(1);
    const shared = await storedDraft(two, 'shared');
    expect(shared?.report.appeals?.review?.upheld).toBe(1);
    expect(shared?.report.appeals?.review?.corrected).toBe(0);
    const [copy] = await held();
    expect(copy?.report.appeals?.review?.corrected).toBe(2);
    expect(copy?.report.appeals?.review?.upheld).toBe(0);
    // Tab one was not overwritten: it still shows its own edit, and was not asked.
    expect(await one.locator('[data-cell="appeals.review.upheld"]').inputValue()).toBe('1');
    expect(await one.locator('[data-conflict="conflict"]').count()).toBe(0);

    // "Keep both": tab two goes on with its version as its own draft; both are listed.
    await prompt.locator('[data-choice="both"]').click();
    await prompt.waitFor({ state: 'detached' });
    expect(await two.locator('[data-cell="appeals.review.corrected"]').inputValue()).toBe('2');
    expect(await two.locator('[data-cell="appeals.review.upheld"]').inputValue()).toBe('0');
    await two.locator('[data-cell="appeals.review.other"]').fill('3');
    await expect
      .poll(async () => (await storedDraft(two, copy?.id ?? ''))?.report.appeals?.review?.other)
      .toBe(3);
    expect((await storedDraft(two, 'shared'))?.report.appeals?.review?.upheld).toBe(1);
    expect((await storedDraft(two, 'shared'))?.report.appeals?.review?.other).toBe(0);
    expect(await two.locator('.draft-list [data-draft]').count()).toBe(2);
    await expect.poll(() => one.locator('.draft-list [data-draft]').count()).toBe(2);
    expect(errors).toEqual([]);
  });

  it('two tabs: "take the other tab’s" and "keep this tab’s" each keep exactly the chosen version', async () => {
    browser = await launchChromium();
    const one = await browser.context.newPage();
    await seedShared(one);
    const two = await browser.context.newPage();
    await two.goto(served.url);
    await two.waitForSelector('[data-cell]');
    await one.waitForTimeout(500);

    const conflict = async (a: Page, b: Page, aValue: string, bValue: string) => {
      await a.bringToFront();
      await a.locator('[data-cell="appeals.review.upheld"]').fill(aValue);
      await expect
        .poll(async () => String((await storedDraft(b, 'shared'))?.report.appeals?.review?.upheld))
        .toBe(aValue);
      await b.bringToFront();
      await b.locator('[data-cell="appeals.review.corrected"]').fill(bValue);
      const prompt = b.locator('[data-conflict="conflict"]');
      await prompt.waitFor();
      return prompt;
    };

    // Tab two takes tab one's version: tab one's edit shows in tab two, the copy is gone.
    let prompt = await conflict(one, two, '1', '2');
    await prompt.locator('[data-choice="theirs"]').click();
    expect(await two.locator('[data-cell="appeals.review.upheld"]').inputValue()).toBe('1');
    expect(await two.locator('[data-cell="appeals.review.corrected"]').inputValue()).toBe('0');
    await expect.poll(async () => (await allDrafts(two)).map((d) => d.id)).toEqual(['shared']);

    // Then tab one edits again, tab two too, and tab two keeps its own: written over, asked.
    prompt = await conflict(one, two, '4', '5');
    await prompt.locator('[data-choice="mine"]').click();
    await expect
      .poll(async () => (await storedDraft(two, 'shared'))?.report.appeals?.review?.corrected)
      .toBe(5);
    expect((await storedDraft(two, 'shared'))?.report.appeals?.review?.upheld).toBe(1);
    expect((await allDrafts(two)).map((d) => d.id)).toEqual(['shared']);
    // Tab one, with nothing unsaved, is told and offered the new version.
    await one.bringToFront();
    await one.locator('[data-conflict="newer"]').waitFor();
    await one.locator('[data-action="load-other-tab"]').click();
    expect(await one.locator('[data-cell="appeals.review.corrected"]').inputValue()).toBe('5');
  });
});
