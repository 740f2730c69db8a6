/**
 * @nianbao/extract/detect — a cheap check that a page holds an annual report
 * on open government information. The extension's content script runs it on
 * every gov.cn page, so this module imports nothing (no schema, no zod).
 */

const TITLE = /政府信息公开(?:工作)?(?:年度)?报告|政府信息公開(?:工作)?(?:年度)?報告/;
/** Words of the report's tables and headings; three or more make a report. */
const MARKERS = [
  '申请人情况',
  '第二十条第',
  '行政复议',
  '本年新收政府信息公开申请数量',
  '主动公开政府信息情况',
  '收到和处理政府信息公开申请情况',
  '存在的主要问题及改进情况',
  '其他需要报告的事项',
];

/**
 * True when the page looks like a 政府信息公开工作年度报告: its title says so,
 * or its text carries several of the report's headings and table labels.
 * Reads at most the first 200 000 characters of text.
 */
export function looksLikeReport(root: Document | Element): boolean {
  const doc = (root.nodeType === 9 ? root : root.ownerDocument) as Document | null;
  const title = doc?.title ?? '';
  if (TITLE.test(title)) return true;
  const body = root.nodeType === 9 ? (root as Document).body : (root as Element);
  const text = (body?.textContent ?? '').slice(0, 200_000).replace(/\s+/g, '');
  let hits = 0;
  for (const m of MARKERS) if (text.includes(m)) hits++;
  return hits >= 3 || (hits >= 1 && TITLE.test(text.slice(0, 20_000)));
}
