/**
 * The response language: `?locale=` wins, then `Accept-Language` (q-values honoured),
 * then zh-CN, the default of every nianbao surface.
 */
import type { Locale } from '@nianbao/schema';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Maps a language tag to a supported locale: `zh`, `zh-Hans`, `zh-TW` → zh-CN; `en-US` → en. */
export function matchLocale(tag: string | undefined | null): Locale | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en';
  return undefined;
}

/** Parses an Accept-Language header and returns the best supported locale. */
export function fromAcceptLanguage(header: string | undefined | null): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return undefined;
}

export function negotiateLocale(
  query: string | undefined,
  acceptLanguage: string | undefined,
): Locale {
  return matchLocale(query) ?? fromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}
