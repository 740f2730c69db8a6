/**
 * Side panel wiring: follows the active tab (or the tab named by `?tabId=`),
 * reads its results from chrome.storage.session, and sends the reviewer's
 * actions to the page or the background worker.
 */
import type { Locale, Severity } from '@nianbao/schema';
import { loadSettings, saveSettings } from '../shared/settings.ts';
import { type PageState, stateKey, type ToBackground, type ToContent } from '../shared/types.ts';
import { type ExportKind, exportFile, formImportUrl } from './exports.ts';
import { type PanelModel, renderPanel } from './view.ts';

const root = document.getElementById('app')!;
const pinnedTab = Number(new URLSearchParams(location.search).get('tabId')) || undefined;
let tabId: number | undefined = pinnedTab;
let formUrl = 'http://127.0.0.1:8787/';
const model: PanelModel = {
  state: undefined,
  locale: 'zh-CN',
  filter: { error: true, warning: true, info: true },
};

function draw(): void {
  renderPanel(root, model, actions);
}

async function toPage(message: ToContent): Promise<void> {
  if (tabId === undefined) return;
  try {
    await chrome.tabs.sendMessage(tabId, message, { frameId: 0 });
  } catch {
    // the page navigated away or was closed: storage changes will redraw
  }
}

async function toBackground(message: ToBackground): Promise<void> {
  try {
    await chrome.runtime.sendMessage(message);
  } catch {
    // worker restarting: the reviewer can click again
  }
}

const actions = {
  setLocale(locale: Locale) {
    model.locale = locale;
    draw();
    saveSettings({ locale }).catch(() => {});
    if (tabId !== undefined && model.state) {
      toBackground({ type: 'nianbao:check-tab', tabId, locale });
    }
  },
  recheck() {
    if (tabId !== undefined)
      toBackground({ type: 'nianbao:check-tab', tabId, locale: model.locale });
  },
  setMarks(on: boolean) {
    toPage({ type: 'nianbao:marks', on });
  },
  reveal(number: number) {
    toPage({ type: 'nianbao:reveal', number });
  },
  setFilter(severity: Severity, on: boolean) {
    model.filter[severity] = on;
    draw();
  },
  exportAs(kind: ExportKind) {
    if (!model.state) return;
    const { name, blob } = exportFile(model.state, kind, model.locale);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  openInForm(reportIndex: number) {
    const page = model.state?.reports[reportIndex];
    if (!page || !model.state) return;
    chrome.tabs.create({ url: formImportUrl(formUrl, page, model.state.url) }).catch(() => {});
  },
};

async function loadTabState(): Promise<void> {
  if (tabId === undefined) {
    model.state = undefined;
  } else {
    const key = stateKey(tabId);
    const stored = await chrome.storage.session.get(key);
    model.state = stored[key] as PageState | undefined;
  }
  draw();
}

async function followActiveTab(): Promise<void> {
  if (pinnedTab !== undefined) return;
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  tabId = tab?.id;
  await loadTabState();
}

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && tabId !== undefined && stateKey(tabId) in changes) {
    model.state = changes[stateKey(tabId)]!.newValue as PageState | undefined;
    draw();
  }
  if (area === 'local' && changes.formUrl?.newValue) formUrl = String(changes.formUrl.newValue);
});
chrome.tabs.onActivated.addListener(() => {
  followActiveTab().catch(() => {});
});

async function start(): Promise<void> {
  const settings = await loadSettings();
  model.locale = settings.locale;
  formUrl = settings.formUrl;
  if (pinnedTab === undefined) await followActiveTab();
  else await loadTabState();
}

start().catch(() => draw());
