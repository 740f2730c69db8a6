import type { ReportPayload, Sniffed } from '@nianbao/extract/door';
import { extractionFinding, type Finding, type Locale } from '@nianbao/schema';

/** One report read from a document. */
export interface ImportedReport {
  payload: ReportPayload;
  diagnostics: Finding[];
}

export type ImportOutcome =
  | { kind: 'report'; payload: ReportPayload; diagnostics: Finding[] }
  | { kind: 'several'; reports: ImportedReport[] }
  | { kind: 'not-found'; diagnostics: Finding[] }
  | { kind: 'error'; reason: string }
  | { kind: 'unsupported'; reason?: string }
  | { kind: 'too-large'; sizeMb: number };

export const MAX_FILE_MB = 20;

/**
 * What the door decided, read into the form. The extractor (and its .docx
 * reader) loads on first import, keeping it out of the first page load. A page
 * that holds several reports gives a choice.
 */
async function fromSniffed(
  sniffed: Sniffed,
  source: string,
  locale: Locale,
): Promise<ImportOutcome> {
  if (sniffed.kind === 'empty') return { kind: 'error', reason: '' };
  if (sniffed.kind === 'report')
    return { kind: 'report', payload: { ...sniffed.payload }, diagnostics: [] };
  if (sniffed.kind === 'invalid-report')
    return { kind: 'error', reason: `${sniffed.where}: ${sniffed.reason}` };
  if (sniffed.kind === 'unsupported') {
    const note = extractionFinding(
      'EXTRACT-UNSUPPORTED',
      { params: { kind: sniffed.type } },
      locale,
    );
    return { kind: 'unsupported', reason: note.message };
  }
  const { extractAll } = await import('@nianbao/extract/browser');
  const results = await extractAll(sniffed, {
    locale,
    ...(/^https?:/.test(source) && { url: source }),
  });
  const found = results.filter((r) => r.found);
  const reports = found.map((r) => ({
    payload: { report: r.report, provenance: r.provenance, source },
    diagnostics: r.diagnostics,
  }));
  if (reports.length === 0)
    return { kind: 'not-found', diagnostics: results[0]?.diagnostics ?? [] };
  if (reports.length === 1) return { kind: 'report', ...reports[0]! };
  return { kind: 'several', reports };
}

/** Pasted text: a report's JSON, an HTML fragment, or the text of a report. */
export async function importText(
  text: string,
  source: string,
  locale: Locale,
): Promise<ImportOutcome> {
  try {
    const { sniffString } = await import('@nianbao/extract/door');
    return await fromSniffed(sniffString(text), source, locale);
  } catch (error) {
    return { kind: 'error', reason: (error as Error).message || String(error) };
  }
}

/** An opened or dropped file: the door decides what it is from its bytes and name. */
export async function importFile(file: File, locale: Locale): Promise<ImportOutcome> {
  if (file.size > MAX_FILE_MB * 1024 * 1024) {
    return { kind: 'too-large', sizeMb: Math.round((file.size / 1024 / 1024) * 10) / 10 };
  }
  try {
    const { sniffDocument } = await import('@nianbao/extract/door');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const sniffed = sniffDocument(bytes, {
      name: file.name,
      ...(file.type ? { contentType: file.type } : {}),
    });
    return await fromSniffed(sniffed, file.name, locale);
  } catch (error) {
    return { kind: 'error', reason: (error as Error).message || String(error) };
  }
}
