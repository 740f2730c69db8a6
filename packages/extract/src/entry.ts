/**
 * The `extract` / `extractAll` pair shared by the Node and browser entries;
 * only the HTML parser and the .docx converter differ.
 */
import { extractionFinding, type Locale } from '@nianbao/schema';
import { isArchiveLimitError } from './archive/limits.ts';
import { tooLarge } from './archive/note.ts';
import { extractAllFromDocument } from './dom/extract.ts';
import { type DocumentHints, type Sniffed, sniffDocument, sniffString } from './door/kind.ts';
import { annotateSourceLines, MAX_INPUT_BYTES, stripInert } from './input.ts';
import { type PdfJs, readPdf } from './pdf/read.ts';
import { placePdfResults } from './pdf/result.ts';
import { notFound } from './result.ts';
import { extractAllFromText } from './text/extract.ts';
import type { ExtractInput, ExtractOptions, ExtractResult } from './types.ts';

export interface Environment {
  parseHtml(html: string): Document;
  docxToHtml(data: Uint8Array): Promise<string>;
  /** pdf.js, loaded on the first PDF (absent: PDFs are not read here). */
  loadPdfjs?(): Promise<PdfJs>;
  /** A legacy .doc → text with tab-separated table cells (absent in the browser). */
  docToText?(data: Uint8Array): Promise<string>;
}

export type AnyInput = ExtractInput | Sniffed | string | Uint8Array | ArrayBuffer;

/** Characters or bytes of an input (0 for a DOM). */
function sizeOf(input: AnyInput): number {
  if (typeof input === 'string') return input.length;
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) return input.byteLength;
  if (input.kind === 'text') return input.text.length;
  if (
    input.kind === 'docx' ||
    input.kind === 'bytes' ||
    input.kind === 'pdf' ||
    input.kind === 'doc'
  )
    return input.data.byteLength;
  if (input.kind === 'html')
    return typeof input.html === 'string' ? input.html.length : input.html.byteLength;
  return 0;
}

function toBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** A .doc that could not be read: why, and how to go on (另存为 .docx 或 PDF). */
function docUnreadable(
  locale: Locale,
  messageId: 'default' | 'browser',
  reason = '',
): ExtractResult {
  const result = notFound('EXTRACT-DOC-UNREADABLE', locale, { reason });
  result.diagnostics = [
    extractionFinding('EXTRACT-DOC-UNREADABLE', { messageId, params: { reason } }, locale),
  ];
  return result;
}

export function createExtractor(env: Environment) {
  function fromHtml(html: string, options: ExtractOptions): ExtractResult[] {
    const doc = env.parseHtml(stripInert(annotateSourceLines(html)));
    return extractAllFromDocument(doc, { ...options, keepElements: false });
  }

  async function fromSniffed(
    s: Sniffed,
    options: ExtractOptions,
    locale: Locale,
  ): Promise<ExtractResult[]> {
    switch (s.kind) {
      case 'empty':
        return [notFound('EXTRACT-EMPTY', locale)];
      case 'binary':
        return [notFound('EXTRACT-BINARY', locale, { reason: s.reason })];
      case 'report':
        return [
          {
            report: s.payload.report,
            provenance: s.payload.provenance ?? { cells: {} },
            diagnostics: [],
            found: true,
          },
        ];
      case 'unsupported':
        return [notFound('EXTRACT-UNSUPPORTED', locale, { kind: s.type })];
      case 'invalid-report':
        return [notFound('EXTRACT-INVALID-REPORT', locale, { where: s.where, reason: s.reason })];
      case 'html':
        return fromHtml(s.html, options);
      case 'text':
        return extractAllFromText(s.text, options);
      case 'docx': {
        let html: string;
        try {
          html = await env.docxToHtml(s.data);
        } catch (error) {
          if (isArchiveLimitError(error)) return [tooLarge(error, locale)];
          const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
          return [notFound('EXTRACT-DOCX-UNREADABLE', locale, { reason })];
        }
        if (!html.trim()) return [notFound('EXTRACT-EMPTY', locale)];
        return fromHtml(html, options);
      }
      case 'pdf': {
        if (!env.loadPdfjs) return [notFound('EXTRACT-UNSUPPORTED', locale, { kind: 'PDF' })];
        const outcome = await readPdf(s.data, await env.loadPdfjs());
        if (outcome.kind === 'encrypted') return [notFound('EXTRACT-PDF-ENCRYPTED', locale)];
        if (outcome.kind === 'broken')
          return [notFound('EXTRACT-PDF-BROKEN', locale, { reason: outcome.reason })];
        if (outcome.kind === 'no-text') return [notFound('EXTRACT-PDF-NO-TEXT', locale)];
        return placePdfResults(fromHtml(outcome.html, options), outcome.places);
      }
      case 'doc': {
        if (!env.docToText) return [docUnreadable(locale, 'browser')];
        let text: string;
        try {
          text = await env.docToText(s.data);
        } catch (error) {
          const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
          return [docUnreadable(locale, 'default', reason)];
        }
        if (!text.trim()) return [notFound('EXTRACT-EMPTY', locale)];
        return extractAllFromText(text, options);
      }
    }
  }

  async function extractAll(
    input: AnyInput,
    options: ExtractOptions = {},
  ): Promise<ExtractResult[]> {
    const locale: Locale = options.locale === 'en' ? 'en' : 'zh-CN';
    const size = sizeOf(input);
    const results = await readAll(input, options, locale);
    if (size > MAX_INPUT_BYTES) {
      // Only the first MAX_INPUT_BYTES were read: say so on every result.
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      for (const r of results) {
        r.diagnostics.push(
          extractionFinding(
            'EXTRACT-TRUNCATED',
            { params: { size: mb(size), limit: mb(MAX_INPUT_BYTES) } },
            locale,
          ),
        );
      }
    }
    return results;
  }

  async function readAll(
    input: AnyInput,
    options: ExtractOptions,
    locale: Locale,
  ): Promise<ExtractResult[]> {
    const hints: DocumentHints = {
      ...(options.name ? { name: options.name } : {}),
      ...(options.contentType ? { contentType: options.contentType } : {}),
      ...(options.charset ? { charset: options.charset } : {}),
    };
    try {
      if (typeof input === 'string')
        return await fromSniffed(
          sniffString(input.slice(0, MAX_INPUT_BYTES), hints),
          options,
          locale,
        );
      if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
        return await fromSniffed(
          sniffDocument(toBytes(input).subarray(0, MAX_INPUT_BYTES), hints),
          options,
          locale,
        );
      }
      switch (input.kind) {
        case 'dom':
          return extractAllFromDocument(input.root, options);
        case 'text':
          return extractAllFromText(input.text.slice(0, MAX_INPUT_BYTES), options);
        case 'html':
          if (typeof input.html === 'string') {
            if (!input.html.trim()) return [notFound('EXTRACT-EMPTY', locale)];
            return fromHtml(input.html.slice(0, MAX_INPUT_BYTES), options);
          }
          // Bytes: the door decides (a .docx named .html is a .docx).
          return await fromSniffed(
            sniffDocument(input.html.subarray(0, MAX_INPUT_BYTES), hints),
            options,
            locale,
          );
        case 'docx':
          return await fromSniffed({ kind: 'docx', data: toBytes(input.data) }, options, locale);
        case 'bytes':
          return await fromSniffed(
            sniffDocument(toBytes(input.data).subarray(0, MAX_INPUT_BYTES), hints),
            options,
            locale,
          );
        default:
          return await fromSniffed(input, options, locale);
      }
    } catch (error) {
      // A bug of ours must not take the caller down: say what happened.
      const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
      return [notFound('EXTRACT-FAILED', locale, { reason })];
    }
  }

  async function extract(input: AnyInput, options: ExtractOptions = {}): Promise<ExtractResult> {
    const all = await extractAll(input, options);
    return all.find((r) => r.found) ?? all[0]!;
  }

  return { extract, extractAll };
}
