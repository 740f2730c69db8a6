import type { Format, Locale } from '@nianbao/schema';
import { createContext, useContext } from 'react';
import { STRINGS, type Strings } from './strings.ts';

export interface UiContext {
  locale: Locale;
  t: Strings;
  format: Format;
}

export const Ui = createContext<UiContext>({
  locale: 'zh-CN',
  t: STRINGS['zh-CN'],
  format: '2021',
});

export function useUi(): UiContext {
  return useContext(Ui);
}

/** Picks the label of the current language. */
export function pick(label: { zh: string; en: string }, locale: Locale): string {
  return locale === 'en' ? label.en : label.zh;
}
