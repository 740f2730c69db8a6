/**
 * The short name of a rule: the first clause of the rule's own `docs` in
 * '@nianbao/schema' (the same words as docs/rules.md). Extraction diagnostics (EXTRACT-*) have
 * none: they are shown as reading notes under their id.
 */
import { type Locale, rules } from '@nianbao/schema';

let names: Map<string, { zh: string; en: string }> | undefined;

export function ruleName(ruleId: string, locale: Locale): string | undefined {
  names ??= new Map(rules.map((r) => [r.meta.id, r.meta.docs]));
  const docs = names.get(ruleId);
  // The first clause is the name; what follows a semicolon is detail (e.g. "reported once per table").
  return docs && (locale === 'en' ? docs.en : docs.zh).split(/[；;]/)[0]!.trim();
}
