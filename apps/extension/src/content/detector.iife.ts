/**
 * The content script of every *.gov.cn page. It must cost next to nothing on
 * pages that are not reports: a look at the title, a few headings and the first
 * tables. Only on a report page does it ask the background worker to inject the
 * checker (unless automatic checking is switched off in the options).
 */
import type { ToBackground } from '../shared/types.ts';
import { looksLikeReport } from './detect.ts';

const STATE_ATTRIBUTE = 'data-nianbao-state';

declare global {
  // Tells the checker (same isolated world) that `checking` on <html> is ours, not the page's.
  var __nianbaoDetectorMarked: boolean | undefined;
  var __nianbaoDetectedAt: number | undefined;
  var __nianbaoLocale: string | undefined;
}

/** Resolves once the page (and its frames) have loaded, at most after 10 s. */
function pageLoaded(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    window.addEventListener('load', () => resolve(), { once: true });
    setTimeout(resolve, 10_000);
  });
}

async function detect(): Promise<void> {
  let isReport = looksLikeReport(document);
  // A report inside a frame that has not loaded yet: look again once it has.
  if (!isReport && document.querySelector('iframe, frame')) {
    await pageLoaded();
    isReport = looksLikeReport(document);
  }
  globalThis.__nianbaoDetectedAt = performance.now();
  const { autoCheck, locale } = await chrome.storage.local.get(['autoCheck', 'locale']);
  if (autoCheck === false) return;
  // Handed to the checker (same isolated world), which then needs no storage round trip.
  globalThis.__nianbaoLocale = typeof locale === 'string' ? locale : 'zh-CN';
  if (!isReport) {
    // The automatic check has run: nothing to check here (a hook tests can wait for).
    document.documentElement.setAttribute(STATE_ATTRIBUTE, 'no-report');
    return;
  }
  document.documentElement.setAttribute(STATE_ATTRIBUTE, 'checking');
  globalThis.__nianbaoDetectorMarked = true;
  const message: ToBackground = { type: 'nianbao:detected' };
  await chrome.runtime.sendMessage(message);
}

detect().catch(() => {
  // Never into the page's console. The worker may be restarting: leave the page alone.
  try {
    if (document.documentElement.getAttribute(STATE_ATTRIBUTE) === 'checking') {
      document.documentElement.setAttribute(STATE_ATTRIBUTE, 'error');
    }
  } catch {
    // ignore
  }
});
