/**
 * A PDF's text layer through pdf.js: every text item with its box in page
 * space (rotation applied, y downwards), then `pagesToHtml`. pdf.js itself is
 * handed in by the entry (Node: legacy build with its worker in-thread;
 * browser: loaded on the first PDF), so this module imports nothing heavy.
 */
import { type PdfHtml, type PdfItem, type PdfPage, pagesToHtml } from './layout.ts';

/** The part of pdf.js's API used here (`pdfjs-dist` 5.x). */
export interface PdfJs {
  getDocument(params: {
    data: Uint8Array;
    isEvalSupported?: boolean;
    useSystemFonts?: boolean;
    disableFontFace?: boolean;
    stopAtErrors?: boolean;
    verbosity?: number;
  }): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
}

interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPageProxy>;
  getMetadata(): Promise<{ info?: unknown }>;
  destroy(): Promise<void>;
}

interface PdfPageProxy {
  getViewport(p: { scale: number }): {
    width: number;
    height: number;
    convertToViewportPoint(x: number, y: number): number[];
  };
  getTextContent(): Promise<{ items: unknown[] }>;
  cleanup?(): void;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export type PdfOutcome =
  | ({ kind: 'ok'; pages: number } & PdfHtml)
  | { kind: 'no-text'; pages: number }
  | { kind: 'encrypted' }
  | { kind: 'broken'; reason: string };

/** Pages read at most (a report is 3–20 pages; 500 is not one). */
export const MAX_PDF_PAGES = 200;

const isTextItem = (i: unknown): i is TextItem =>
  typeof i === 'object' && i !== null && typeof (i as TextItem).str === 'string';

/** Items of a page → boxes in viewport space (rotation applied, y down). */
function itemsOf(
  items: unknown[],
  viewport: { convertToViewportPoint(x: number, y: number): number[] },
): PdfItem[] {
  const out: PdfItem[] = [];
  for (const it of items) {
    if (!isTextItem(it) || it.str.trim() === '') continue;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = it.transform;
    const scaleX = Math.hypot(a, b) || 1;
    const scaleY = Math.hypot(c, d) || 1;
    const size = scaleY;
    // The item's box in user space: along its direction by width, up by its font size.
    const dir = [a / scaleX, b / scaleX];
    const up = [c / scaleY, d / scaleY];
    const w = it.width;
    const h = size;
    const corners = [
      [e, f],
      [e + dir[0]! * w, f + dir[1]! * w],
      [e + up[0]! * h, f + up[1]! * h],
      [e + dir[0]! * w + up[0]! * h, f + dir[1]! * w + up[1]! * h],
    ].map(([x, y]) => viewport.convertToViewportPoint(x!, y!));
    const xs = corners.map((p) => p[0]!);
    const ys = corners.map((p) => p[1]!);
    if (![...xs, ...ys].every(Number.isFinite)) continue;
    out.push({
      str: it.str,
      x0: Math.min(...xs),
      x1: Math.max(...xs),
      top: Math.min(...ys),
      bottom: Math.max(...ys),
      size,
    });
  }
  return out;
}

/** Share of characters a report's text holds: Han, ASCII, CJK punctuation, full-width forms. */
function plausibleShare(pages: PdfPage[]): { chars: number; han: number; plausible: number } {
  let chars = 0;
  let han = 0;
  let plausible = 0;
  for (const p of pages)
    for (const i of p.items)
      for (const ch of i.str) {
        if (/\s/.test(ch)) continue;
        chars++;
        if (/\p{Script=Han}/u.test(ch)) {
          han++;
          plausible++;
        } else if (/[\u0021-\u007e\u3000-\u303f\uff00-\uffef\u2010-\u2027\u00b7]/.test(ch))
          plausible++;
      }
  return { chars, han, plausible };
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 160);
}

/** Reads a PDF's text layer into HTML for the DOM reader; never throws. */
export async function readPdf(data: Uint8Array, pdfjs: PdfJs): Promise<PdfOutcome> {
  // pdf.js may detach the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => {});
    const name = (error as { name?: string } | undefined)?.name;
    if (name === 'PasswordException') return { kind: 'encrypted' };
    return { kind: 'broken', reason: reasonOf(error) };
  }
  try {
    const pages: PdfPage[] = [];
    const count = Math.min(doc.numPages, MAX_PDF_PAGES);
    for (let n = 1; n <= count; n++) {
      let page: PdfPageProxy;
      try {
        page = await doc.getPage(n);
      } catch (error) {
        if (pages.length === 0) return { kind: 'broken', reason: reasonOf(error) };
        break;
      }
      const viewport = page.getViewport({ scale: 1 });
      let items: unknown[] = [];
      try {
        items = (await page.getTextContent()).items;
      } catch {
        items = [];
      }
      pages.push({
        number: n,
        width: viewport.width,
        height: viewport.height,
        items: itemsOf(items, viewport),
      });
      page.cleanup?.();
    }
    const { chars, han, plausible } = plausibleShare(pages);
    // A scan has no text; glyphs without a Unicode mapping come out as symbols, not Han.
    if (han < 20 || plausible < chars * 0.8) return { kind: 'no-text', pages: pages.length };
    let title: string | undefined;
    try {
      const info = (await doc.getMetadata()).info as { Title?: unknown } | undefined;
      if (typeof info?.Title === 'string' && /\p{Script=Han}/u.test(info.Title)) title = info.Title;
    } catch {
      title = undefined;
    }
    return { kind: 'ok', pages: pages.length, ...pagesToHtml(pages, title ? { title } : {}) };
  } catch (error) {
    return { kind: 'broken', reason: reasonOf(error) };
  } finally {
    await doc.destroy().catch(() => {});
  }
}
