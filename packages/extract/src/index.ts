/**
 * @nianbao/extract — reads a 政府信息公开工作年度报告 out of a document.
 * This entry is environment-agnostic: it works on any DOM (`Document` or
 * `Element`) and on text. `@nianbao/extract/node` and
 * `@nianbao/extract/browser` add HTML strings, bytes and .docx.
 *
 * @example
 * import { extractFromDocument } from '@nianbao/extract';
 * const { report, provenance, diagnostics, found } = extractFromDocument(document);
 */
export { looksLikeReport } from './detect.ts';
export { extractAllFromDocument, extractFromDocument } from './dom/extract.ts';
export { extractAllFromText, extractFromText } from './text/extract.ts';
export type * from './types.ts';

import { detectFormatFromText, type FormatDetection } from './format.ts';

export type { FormatDetection };

/**
 * The format (2019 trial or 2021) a document's tables are in, from the
 * signature labels of spec §4 (a DOM: its tables only; a string: all of it);
 * `format` is null when none was found.
 */
export function detectFormat(source: string | Document | Element): FormatDetection {
  if (typeof source === 'string') return detectFormatFromText(source);
  const root = source.nodeType === 9 ? (source as Document).body : (source as Element);
  // Signature labels are table labels: menus and article text are not looked at.
  const tables = root ? Array.from(root.getElementsByTagName('table')) : [];
  const text = tables.map((t) => t.textContent ?? '').join('\n');
  return detectFormatFromText(text);
}
