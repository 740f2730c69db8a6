/**
 * @nianbao/extract/detect — a cheap check that a page holds an annual report
 * on open government information. The extension's content script runs it on
 * every gov.cn page, so this module imports nothing (no schema, no zod) and
 * never reads the whole page: the title, the ArticleTitle meta, the first
 * headings and the first tables (the label the report's tables always carry),
 * in Simplified or Traditional script. It errs on the side of "yes": the
 * extractor decides for real (`found`).
 */

const TITLE = /政府信息公[开開].{0,8}年度?[报報]告|政府信息公[开開].{0,4}年[报報]/;
const TABLE =
  /[本上]年[新收结結][收转轉]?政府信息公[开開]申[请請]|收到和[处處]理政府信息公[开開]申[请請]|第二十[条條]第[（(]|申[请請]人情[况況]/;
const MAX_HEADINGS = 20;
const MAX_TABLES = 40;

/**
 * True when the page looks like a 政府信息公开工作年度报告.
 *
 * @example if (looksLikeReport(document)) chrome.runtime.sendMessage({ kind: 'report-page' });
 */
export function looksLikeReport(root: Document | Element): boolean {
  const isDoc = root.nodeType === 9;
  if (isDoc && TITLE.test((root as Document).title ?? '')) return true;
  const meta = root.querySelector('meta[name="ArticleTitle"]');
  if (meta && TITLE.test(meta.getAttribute('content') ?? '')) return true;
  const headings = root.querySelectorAll('h1, h2, h3');
  for (let i = 0; i < headings.length && i < MAX_HEADINGS; i++) {
    if (TITLE.test(headings[i]!.textContent ?? '')) return true;
  }
  // A live collection read only as far as needed (never `.length`: a walk of the whole page).
  const tables = root.getElementsByTagName('table');
  for (let i = 0; i < MAX_TABLES; i++) {
    const table = tables[i];
    if (!table) break;
    if (TABLE.test((table.textContent ?? '').slice(0, 5000))) return true;
  }
  // Title-only pages and article fragments: the first paragraphs.
  const paragraphs = root.getElementsByTagName('p');
  for (let i = 0; i < 30; i++) {
    const p = paragraphs[i];
    if (!p) break;
    if (TITLE.test((p.textContent ?? '').slice(0, 200))) return true;
  }
  return false;
}
