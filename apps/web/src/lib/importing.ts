import type { Finding, Locale } from '@nianbao/schema';
import { parseReportJson, type ReportPayload } from './report-json.ts';

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
  | { kind: 'unsupported' }
  | { kind: 'too-large'; sizeMb: number };

export const MAX_FILE_MB = 20;

type ExtractInput =
  | { kind: 'html'; html: string | Uint8Array }
  | { kind: 'text'; text: string }
  | { kind: 'docx'; data: Uint8Array };

/**
 * The extractor is loaded on first import, keeping it (and its .docx reader) out
 * of the first page load. A page that holds several reports gives a choice.
 */
async function runExtract(
  input: ExtractInput,
  source: string,
  locale: Locale,
): Promise<ImportOutcome> {
  const { extractAll } = await import('@nianbao/extract/browser');
  const results = await extractAll(input, {
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

function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html|<table|<div|<p[\s>]|<body|<meta)/i.test(text);
}

function fromJson(text: string): ImportOutcome {
  const parsed = parseReportJson(text);
  return parsed.ok
    ? { kind: 'report', payload: parsed.payload, diagnostics: [] }
    : { kind: 'error', reason: parsed.error };
}

/** Pasted text: a report's JSON, an HTML fragment, or the text of a report. */
export async function importText(
  text: string,
  source: string,
  locale: Locale,
): Promise<ImportOutcome> {
  if (text.trim() === '') return { kind: 'error', reason: '' };
  try {
    if (/^\s*\{/.test(text)) return fromJson(text);
    if (looksLikeHtml(text)) return await runExtract({ kind: 'html', html: text }, source, locale);
    return await runExtract({ kind: 'text', text }, source, locale);
  } catch (error) {
    return { kind: 'error', reason: (error as Error).message || String(error) };
  }
}

/** Text files from Chinese portals are often GB18030 (GBK) rather than UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** An opened file, read in the browser by its extension. */
export async function importFile(file: File, locale: Locale): Promise<ImportOutcome> {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  if (!ext || !['html', 'htm', 'txt', 'docx', 'json'].includes(ext)) return { kind: 'unsupported' };
  if (file.size > MAX_FILE_MB * 1024 * 1024) {
    return { kind: 'too-large', sizeMb: Math.round((file.size / 1024 / 1024) * 10) / 10 };
  }
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (ext === 'json') return fromJson(decodeText(bytes));
    if (ext === 'docx') return await runExtract({ kind: 'docx', data: bytes }, file.name, locale);
    if (ext === 'txt') {
      return await runExtract({ kind: 'text', text: decodeText(bytes) }, file.name, locale);
    }
    // HTML as bytes: the extractor reads the page's declared charset.
    return await runExtract({ kind: 'html', html: bytes }, file.name, locale);
  } catch (error) {
    return { kind: 'error', reason: (error as Error).message || String(error) };
  }
}
