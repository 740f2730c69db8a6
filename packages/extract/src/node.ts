/// <reference path="./pdf/pdfjs-worker.d.ts" />
/**
 * @nianbao/extract/node — the extractor for Node: HTML strings and bytes (any
 * charset) through linkedom, .docx through mammoth, plain text and report JSON.
 *
 * @example
 * import { extract } from '@nianbao/extract/node';
 * const { report, diagnostics, found } = await extract(html, { url });
 */
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { safeDocx } from './archive/index.ts';
import { inflateRawLimited } from './archive/inflate-node.ts';
import { createExtractor } from './entry.ts';
import type { PdfJs } from './pdf/read.ts';

export * from './archive/limits.ts';
export { type CheckedResult, checkExtracted } from './check.ts';
export * from './door/index.ts';
export * from './index.ts';

/** Parses HTML with linkedom (chosen by measurement: see README). */
export function parseHtmlDocument(html: string): Document {
  // linkedom wants a full document to fill document.head/body.
  const full = /<html[\s>]/i.test(html)
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(full).document as unknown as Document;
}

async function docxToHtml(data: Uint8Array): Promise<string> {
  // Inflated under the archive limits and re-packed stored: mammoth inflates nothing itself.
  const safe = await safeDocx(data, inflateRawLimited);
  const buffer = Buffer.from(safe.buffer, safe.byteOffset, safe.byteLength);
  const result = await mammoth.convertToHtml({ buffer });
  return result.value;
}

/** pdf.js's legacy build with its worker run in this thread (no worker file to locate). */
async function loadPdfjs() {
  const g = globalThis as { pdfjsWorker?: unknown };
  g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
}

async function docToText(data: Uint8Array): Promise<string> {
  return (await import('./doc/read.ts')).docToText(data);
}

const extractor = createExtractor({
  parseHtml: parseHtmlDocument,
  docxToHtml,
  loadPdfjs,
  docToText,
});

/** Reads the first report of a document (HTML, bytes, text, .docx, report JSON). Never throws. */
export const extract = extractor.extract;
/** Reads every report of a document: a page with two reports gives two results. */
export const extractAll = extractor.extractAll;
