import type { Locale } from '@nianbao/schema';

/** User options (chrome.storage.local). */
export interface Settings {
  /** Check report pages on *.gov.cn by themselves (default on). */
  autoCheck: boolean;
  /** The web form that "open in the form" hands the report to. */
  formUrl: string;
  locale: Locale;
}

export const DEFAULT_SETTINGS: Settings = {
  autoCheck: true,
  formUrl: 'http://127.0.0.1:8787/',
  locale: 'zh-CN',
};

/** Reads the settings, falling back to the defaults for anything missing or malformed. */
export async function loadSettings(): Promise<Settings> {
  let stored: Record<string, unknown> = {};
  try {
    stored = await chrome.storage.local.get(['autoCheck', 'formUrl', 'locale']);
  } catch {
    // storage unavailable (e.g. the extension is being reloaded): defaults
  }
  return normalizeSettings(stored);
}

export function normalizeSettings(stored: Record<string, unknown>): Settings {
  return {
    autoCheck:
      typeof stored.autoCheck === 'boolean' ? stored.autoCheck : DEFAULT_SETTINGS.autoCheck,
    formUrl: isHttpUrl(stored.formUrl) ? stored.formUrl : DEFAULT_SETTINGS.formUrl,
    locale:
      stored.locale === 'en' ? 'en' : stored.locale === 'zh-CN' ? 'zh-CN' : DEFAULT_SETTINGS.locale,
  };
}

export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  await chrome.storage.local.set(patch);
}
