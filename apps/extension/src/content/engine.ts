/**
 * The checker proper: the same extract → check pipeline as every other
 * surface, run over the live DOM (the extractor also walks same-origin
 * frames). Loaded only once the detector has said the page is a report, or the
 * reviewer clicked.
 */
import { type ExtractResult, extractAllFromDocument } from '@nianbao/extract';
import { check, type Finding, type Locale } from '@nianbao/schema';

export interface PageCheck {
  /** Reports found, in page order, each with its findings (report rules + extraction diagnostics). */
  reports: { result: ExtractResult; findings: Finding[] }[];
  /** When no report was found: what the extractor says about the page. */
  diagnostics: Finding[];
}

export function checkPage(doc: Document, options: { locale: Locale; url: string }): PageCheck {
  const results = extractAllFromDocument(doc, {
    url: options.url,
    locale: options.locale,
    keepElements: true,
  });
  const reports: PageCheck['reports'] = [];
  const diagnostics: Finding[] = [];
  for (const result of results) {
    if (!result.found) {
      diagnostics.push(...result.diagnostics);
      continue;
    }
    const findings = check(result.report, {
      locale: options.locale,
      provenance: result.provenance,
    });
    reports.push({ result, findings: [...findings, ...result.diagnostics] });
  }
  return { reports, diagnostics: reports.length ? [] : dedupe(diagnostics) };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(f.fingerprint) && seen.add(f.fingerprint));
}
