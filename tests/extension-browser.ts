/// <reference types="chrome" />
/**
 * Harness for the extension's end-to-end tests: builds apps/extension, loads
 * it into Debian's Chromium (playwright-core, never a downloaded browser),
 * serves stored portal pages at their real URLs by route interception (every
 * other request is aborted: no network), and records every request.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BrowserContext,
  chromium,
  type Page,
  type Request,
  type Worker,
} from 'playwright-core';

export const EXTENSION_DIR = fileURLToPath(new URL('../apps/extension/', import.meta.url));
export const EXTENSION_DIST = join(EXTENSION_DIR, 'dist');
export const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));

/** Builds the extension (vite + crxjs) into apps/extension/dist. */
export function buildExtension(): void {
  const run = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
    cwd: EXTENSION_DIR,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (run.status !== 0) throw new Error(`extension build failed:\n${run.stdout}\n${run.stderr}`);
}

/** Builds another workspace (e.g. the web form the extension hands reports to). */
export function buildWorkspace(name: string): void {
  const run = spawnSync('npm', ['run', 'build', '-w', name], {
    cwd: join(EXTENSION_DIR, '../..'),
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (run.status !== 0) throw new Error(`${name} build failed:\n${run.stdout}\n${run.stderr}`);
}

export interface RecordedRequest {
  url: string;
  /** URL of the frame that made it ('' for workers). */
  frameUrl: string;
  fromServiceWorker: boolean;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  requests: RecordedRequest[];
  /** Serves `html` at `url` (and nothing else at that address). */
  serve(url: string, html: string): void;
  /** Serves the files of a folder under an origin, e.g. a built web app (`/` is index.html). */
  serveDir(origin: string, dir: string): void;
  /** The extension's tab id for a page (by URL). */
  tabIdOf(page: Page): Promise<number>;
  setOptions(options: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function launchWithExtension(): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'nianbao-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIST}`,
      `--load-extension=${EXTENSION_DIST}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    timeout: 30_000,
  });
  const requests: RecordedRequest[] = [];
  const record = (request: Request) => {
    let frameUrl = '';
    try {
      frameUrl = request.frame().url();
    } catch {
      // requests of workers have no frame
    }
    requests.push({
      url: request.url(),
      frameUrl,
      fromServiceWorker: request.serviceWorker() !== null,
    });
  };
  context.on('request', record);

  const pages = new Map<string, string>();
  const dirs = new Map<string, string>();
  const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.woff2': 'font/woff2',
    '.wasm': 'application/wasm',
  };
  // Only the web: the extension's own chrome-extension:// files load as usual.
  await context.route(/^https?:\/\//, async (route) => {
    const url = route.request().url();
    const html = pages.get(url.replace(/#.*$/, ''));
    const parsed = new URL(url);
    const dir = dirs.get(parsed.origin);
    if (html !== undefined) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    } else if (dir !== undefined) {
      const rel =
        parsed.pathname === '/' ? 'index.html' : decodeURIComponent(parsed.pathname.slice(1));
      const file = join(dir, rel);
      if (!file.startsWith(dir) || !existsSync(file)) {
        await route.fulfill({ status: 404, body: 'not found' });
      } else {
        const ext = file.slice(file.lastIndexOf('.'));
        await route.fulfill({
          status: 200,
          contentType: TYPES[ext] ?? 'application/octet-stream',
          body: readFileSync(file),
        });
      }
    } else {
      await route.abort('blockedbyclient');
    }
  });

  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;

  return {
    context,
    extensionId,
    worker,
    requests,
    serve(url, html) {
      pages.set(url, html);
    },
    serveDir(origin, dir) {
      dirs.set(origin, dir);
    },
    async tabIdOf(page) {
      // Without the "tabs" permission the worker sees URLs only on *.gov.cn: use the active tab.
      await page.bringToFront();
      const id = await worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id;
      });
      if (id === undefined) throw new Error(`no tab for ${page.url()}`);
      return id;
    },
    async setOptions(options) {
      await worker.evaluate((o) => chrome.storage.local.set(o), options);
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits for the automatic (or triggered) check to settle on a page. */
export async function waitForCheck(page: Page, timeout = 20_000): Promise<string> {
  const handle = await page.waitForFunction(
    () => {
      const state = document.documentElement.getAttribute('data-nianbao-state');
      return state && state !== 'checking' ? state : null;
    },
    undefined,
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as string;
}
