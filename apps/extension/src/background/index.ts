/**
 * The service worker: injects the checker, keeps each tab's results (in
 * chrome.storage.session, so the side panel can read them and the worker may
 * sleep) and shows the tab's error count on the toolbar badge. It makes no
 * network request.
 */

import type { Locale } from '@nianbao/schema';
import checkerScript from '../content/checker.iife.ts?script';
import { loadSettings } from '../shared/settings.ts';
import {
  emptyCounts,
  type PageState,
  stateKey,
  type ToBackground,
  type ToContent,
} from '../shared/types.ts';

/** Injects the checker into a tab (all of it, or one frame), or re-runs it if it is there. */
export async function checkTab(tabId: number, options: { frameId?: number; locale?: Locale } = {}) {
  const run: ToContent = {
    type: 'nianbao:run',
    ...(options.locale ? { locale: options.locale } : {}),
  };
  try {
    const reply = await chrome.tabs.sendMessage(tabId, run, { frameId: options.frameId ?? 0 });
    if (reply?.ok) return;
  } catch {
    // no checker in the page yet
  }
  if (options.locale) await chrome.storage.local.set({ locale: options.locale });
  await chrome.scripting.executeScript({
    target: { tabId, frameIds: [options.frameId ?? 0] },
    files: [checkerScript],
    // Not at document_idle (which may wait for the page's images): the DOM is there already.
    injectImmediately: true,
  });
}

async function showBadge(tabId: number, state: PageState | undefined): Promise<void> {
  const text =
    !state || state.state === 'no-report' || state.state === 'checking'
      ? ''
      : state.state === 'error'
        ? '!'
        : String(state.counts.error);
  const color = state?.state === 'done' && state.counts.error === 0 ? '#15803d' : '#dc2626';
  await chrome.action.setBadgeText({ tabId, text });
  await chrome.action.setBadgeBackgroundColor({ tabId, color });
}

const handlers: {
  [K in ToBackground['type']]: (
    message: Extract<ToBackground, { type: K }>,
    sender: chrome.runtime.MessageSender,
  ) => Promise<unknown>;
} = {
  async 'nianbao:detected'(_message, sender) {
    const tabId = sender.tab?.id;
    // The detector has read the autoCheck option already: inject at once.
    if (tabId === undefined) return;
    await chrome.scripting.executeScript({
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      files: [checkerScript],
      injectImmediately: true,
    });
  },
  async 'nianbao:state'(message, sender) {
    const tabId = sender.tab?.id;
    if (tabId === undefined || (sender.frameId ?? 0) !== 0) return;
    await chrome.storage.session.set({ [stateKey(tabId)]: message.state });
    await showBadge(tabId, message.state);
  },
  async 'nianbao:check-tab'(message) {
    await checkTab(message.tabId, message.locale ? { locale: message.locale } : {});
  },
};

chrome.runtime.onMessage.addListener((message: ToBackground, sender, sendResponse) => {
  // Only our own pages and content scripts can reach this listener (no externally_connectable).
  if (sender.id !== chrome.runtime.id) return false;
  const handler = handlers[message?.type] as
    | ((m: ToBackground, s: chrome.runtime.MessageSender) => Promise<unknown>)
    | undefined;
  if (!handler) return false;
  handler(message, sender).then(
    (value) => sendResponse({ ok: true, value }),
    (error: unknown) => sendResponse({ ok: false, error: String(error) }),
  );
  return true;
});

// One click: open the side panel (needs the user gesture, so first) and check the tab.
chrome.action.onClicked.addListener((tab) => {
  if (tab.id === undefined) return;
  const tabId = tab.id;
  chrome.sidePanel.open({ tabId }).catch(() => {});
  checkTab(tabId).catch(async (error: unknown) => {
    // A page we may not script (chrome://, the web store): say so in the panel.
    const state: PageState = {
      state: 'error',
      url: tab.url ?? '',
      title: tab.title ?? '',
      locale: (await loadSettings()).locale,
      reports: [],
      counts: emptyCounts(),
      diagnostics: [],
      error: String(error),
      marksOn: false,
    };
    await chrome.storage.session.set({ [stateKey(tabId)]: state });
    await showBadge(tabId, state);
  });
});

chrome.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') {
    chrome.storage.session.remove(stateKey(tabId)).catch(() => {});
    showBadge(tabId, undefined).catch(() => {});
  }
});

chrome.tabs.onRemoved.addListener((tabId) => {
  chrome.storage.session.remove(stateKey(tabId)).catch(() => {});
});

// For the end-to-end tests, which cannot click the toolbar: the same entry point.
(globalThis as { nianbao?: unknown }).nianbao = { checkTab };
