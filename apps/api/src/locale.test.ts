import { describe, expect, it } from 'vitest';
import { fromAcceptLanguage, negotiateLocale } from './locale.ts';

describe('negotiateLocale', () => {
  it('defaults to zh-CN', () => {
    expect(negotiateLocale(undefined, undefined)).toBe('zh-CN');
    expect(negotiateLocale('fr', 'de-DE,fr;q=0.5')).toBe('zh-CN');
  });

  it('prefers the query over the header', () => {
    expect(negotiateLocale('en', 'zh-CN')).toBe('en');
    expect(negotiateLocale('zh-CN', 'en')).toBe('zh-CN');
    expect(negotiateLocale('EN-us', undefined)).toBe('en');
  });

  it('falls back to the header when the query names no supported locale', () => {
    expect(negotiateLocale('fr', 'en-GB')).toBe('en');
  });

  it('honours q-values and order in Accept-Language', () => {
    expect(fromAcceptLanguage('zh;q=0.4, en;q=0.9')).toBe('en');
    expect(fromAcceptLanguage('fr-FR, zh-TW;q=0.8, en;q=0.7')).toBe('zh-CN');
    expect(fromAcceptLanguage('en;q=0, zh')).toBe('zh-CN');
    expect(fromAcceptLanguage('*')).toBeUndefined();
    expect(fromAcceptLanguage('garbage;;q=x')).toBeUndefined();
  });
});
