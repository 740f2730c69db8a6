/**
 * The checker proper: the same extract → check pipeline as every other
 * surface, run over the live DOM (the extractor also walks same-origin
 * frames). Loaded only once the detector has said the page is a report, or the
 * reviewer clicked.
 */
import { type ExtractResult, extractAllFromDocument } from '@nianbao/extract';
import { checkExtracted } from '@nianbao/extract/check';
import type { Finding, Locale } from '@nianbao/schema';

export interface PageCheck {
  /** Reports found, in page order, each with its findings (report rules + extraction diagnostics). */
  reports: { result: ExtractResult; findings: Finding[] }[];
  /** When no report was found: what the extractor says about the page. */
  diagnostics: Finding[];
  /** Milliseconds spent extracting and checking. */
  timings?: { extract: number; check: number };
}

export function checkPage(doc: Document, options: { locale: Locale; url: string }): PageCheck {
  const started = performance.now();
  const results = extractAllFromDocument(doc, {
    url: options.url,
    locale: options.locale,
    keepElements: true,
  });
  const extracted = performance.now();
  const reports: PageCheck['reports'] = [];
  const diagnostics: Finding[] = [];
  for (const result of results) {
    if (!result.found) {
      diagnostics.push(...result.diagnostics);
      continue;
    }
    const { findings } = checkExtracted(result, { locale: options.locale });
    reports.push({ result, findings: [...findings, ...result.diagnostics] });
  }
  const timings = { extract: extracted - started, check: performance.now() - extracted };
  return { reports, diagnostics: reports.length ? [] : dedupe(diagnostics), timings };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(f.fingerprint) && seen.add(f.fingerprint));
}
