/**
 * @nianbao/extract/browser — the extractor in a browser: HTML strings through
 * DOMParser, .docx through mammoth's browser build.
 *
 * @example
 * import { extract } from '@nianbao/extract/browser';
 * const { report } = await extract(await file.arrayBuffer());
 */
import { safeDocx } from './archive/index.ts';
import { inflateRawLimited } from './archive/inflate-browser.ts';
import { createExtractor } from './entry.ts';
import type { PdfJs } from './pdf/read.ts';

export * from './archive/limits.ts';
export { type CheckedResult, checkExtracted } from './check.ts';
export * from './door/index.ts';
export * from './index.ts';

export function parseHtmlDocument(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

async function docxToHtml(data: Uint8Array): Promise<string> {
  // Loaded on demand: the form and the extension only pay for it when a .docx arrives.
  const mammoth = (await import('mammoth/mammoth.browser.js')).default as typeof import('mammoth');
  // Inflated under the archive limits (DecompressionStream, chunk by chunk) and
  // re-packed stored: mammoth inflates nothing itself.
  const safe = await safeDocx(data, inflateRawLimited);
  const arrayBuffer = safe.buffer.slice(
    safe.byteOffset,
    safe.byteOffset + safe.byteLength,
  ) as ArrayBuffer;
  const result = await mammoth.convertToHtml({ arrayBuffer });
  return result.value;
}

/**
 * pdf.js, loaded on the first PDF. Its worker module is bundled by the app and
 * run in this thread (pdf.js's "fake worker"): nothing is fetched from elsewhere.
 */
async function loadPdfjs() {
  const g = globalThis as { pdfjsWorker?: unknown };
  g.pdfjsWorker ??= await import('pdfjs-dist/build/pdf.worker.min.mjs');
  return (await import('pdfjs-dist')) as unknown as PdfJs;
}

// No .doc reader runs in a browser: a .doc gets a note saying to save it as .docx or PDF.
const extractor = createExtractor({ parseHtml: parseHtmlDocument, docxToHtml, loadPdfjs });

/** Reads the first report of a document (HTML string or bytes, text, .docx, report JSON). Never throws. */
export const extract = extractor.extract;
/** Reads every report of a document. */
export const extractAll = extractor.extractAll;
