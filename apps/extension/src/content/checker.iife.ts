/**
 * The checker, injected with chrome.scripting.executeScript: by the background
 * worker when the detector found a report on a *.gov.cn page, or when the
 * reviewer clicks the toolbar button on any page (activeTab). Built as one
 * self-contained IIFE (no web-accessible resources). Injecting it again re-runs
 * the check with the same controller.
 */
import type { Locale } from '@nianbao/schema';
import { loadSettings } from '../shared/settings.ts';
import type { PageState, ToBackground, ToContent } from '../shared/types.ts';
import { PageController, STATE_ATTRIBUTE } from './controller.ts';

declare global {
  // Shared by every injection into this page's isolated world (never the page's own).
  var __nianbaoController: PageController | undefined;
  var __nianbaoDetectorMarked: boolean | undefined;
  var __nianbaoDetectedAt: number | undefined;
  var __nianbaoLocale: string | undefined;
}

const injectedAt = performance.now();

function publish(state: PageState): void {
  const message: ToBackground = { type: 'nianbao:state', state };
  chrome.runtime.sendMessage(message).catch(() => {
    // no listener (worker restarting, extension reloaded): the page keeps its marks
  });
}

function handle(message: ToContent, controller: PageController): unknown {
  switch (message.type) {
    case 'nianbao:run':
      return controller.run(message.locale ?? controller.state.locale);
    case 'nianbao:marks':
      return controller.setMarks(message.on);
    case 'nianbao:reveal':
      return controller.reveal(message.number);
    case 'nianbao:get-state':
      return controller.state;
    default:
      return undefined;
  }
}

/** Whether a report may still arrive in a frame that has not loaded yet. */
function framesPending(): boolean {
  return document.readyState !== 'complete' && document.querySelector('iframe, frame') !== null;
}

/** Resolves once the page and its frames have loaded, at most after 10 s. */
function framesLoaded(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    window.addEventListener('load', done, { once: true });
    setTimeout(done, 10_000);
  });
}

async function main(): Promise<void> {
  let controller = globalThis.__nianbaoController;
  if (!controller) {
    if (globalThis.__nianbaoDetectorMarked) {
      // The detector's interim `checking` is not part of the page: forget it.
      document.documentElement.removeAttribute(STATE_ATTRIBUTE);
      globalThis.__nianbaoDetectorMarked = false;
    }
    const created = new PageController(document, { publish });
    controller = created;
    globalThis.__nianbaoController = created;
    chrome.runtime.onMessage.addListener((message: ToContent, _sender, sendResponse) => {
      try {
        sendResponse({ ok: true, value: handle(message, created) });
      } catch (error) {
        sendResponse({ ok: false, error: String(error) });
      }
      return false;
    });
  }
  // The detector read the locale a moment ago (automatic path); a click reads it here.
  const handed = globalThis.__nianbaoLocale;
  globalThis.__nianbaoLocale = undefined;
  const locale: Locale =
    handed === 'en' || handed === 'zh-CN' ? handed : (await loadSettings()).locale;
  const runAt = performance.now();
  let state = controller.run(locale);
  if (state.state === 'no-report' && framesPending()) {
    // The report may be in a frame that was still loading: read the page again once it is in.
    await framesLoaded();
    state = controller.run(locale);
  }
  state.phases = {
    ...(globalThis.__nianbaoDetectedAt !== undefined && {
      detectedAt: globalThis.__nianbaoDetectedAt,
    }),
    injectedAt,
    runAt,
    doneAt: performance.now(),
  };
  publish(state);
}

main().catch(() => {
  try {
    document.documentElement.setAttribute(STATE_ATTRIBUTE, 'error');
  } catch {
    // nothing else we can do without touching the page's console
  }
});
