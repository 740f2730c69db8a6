/**
 * Whether a page is a 政府信息公开工作年度报告, decided cheaply on every
 * *.gov.cn page: `looksLikeReport` of `@nianbao/extract/detect` (title,
 * ArticleTitle meta, first headings, first tables, first paragraphs; never the
 * whole page), and the same look into same-origin frames, where some CMSs put
 * the article. It errs on the side of "yes": the extractor decides for real.
 */
import { looksLikeReport as pageLooksLikeReport } from '@nianbao/extract/detect';

const MAX_FRAMES = 5;

export function looksLikeReport(root: Document | Element): boolean {
  if (pageLooksLikeReport(root)) return true;
  // Live collections, read only as far as needed (never `.length`).
  for (const tag of ['iframe', 'frame']) {
    const frames = root.getElementsByTagName(tag);
    for (let i = 0; i < MAX_FRAMES; i++) {
      const frame = frames[i];
      if (!frame) break;
      const inner = frameDocument(frame);
      if (inner && pageLooksLikeReport(inner)) return true;
    }
  }
  return false;
}

/** The document of a same-origin frame; undefined for cross-origin or unloaded frames. */
export function frameDocument(frame: Element): Document | undefined {
  try {
    const inner = (frame as HTMLIFrameElement).contentDocument;
    return inner?.documentElement ? inner : undefined;
  } catch {
    return undefined;
  }
}
