import type { Locale } from '../templates/types.ts';

/** Fills `{name}` placeholders; unknown placeholders are left as written so a slip shows. */
export function formatMessage(
  template: { zh: string; en: string },
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const text = locale === 'en' ? template.en : template.zh;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Placeholder names used in a message template, sorted. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}
