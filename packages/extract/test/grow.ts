/**
 * Growing inputs for the readers' linearity meta-test and bench/extract: a real
 * report (two headings and a table of table 二; corpus/text/sy-gov-2025.txt) with one
 * part grown by `n` — nesting, tables, rows, block depth, sections and lines.
 */
import { readCorpus } from '../../../tests/corpus.ts';

const TEXT = readCorpus('text/sy-gov-2025.txt');

/** A report reduced to two headings and one table: the part that does not grow stays small. */
const CORE =
  '<p>一、总体情况</p><p>二、主动公开政府信息情况</p><table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr><tr><td>规章</td><td>1</td><td>0</td><td>5</td></tr></table><p>三、收到和处理政府信息公开申请情况</p>';

const ROW = (i: number) =>
  `<tr><td>行政处罚${i}</td><td>${i}</td><td>${i % 7}</td><td>-</td><td>${i}元</td></tr>`;

export type HtmlShape = 'nested' | 'tables' | 'rows' | 'depth' | 'sections';
export type Shape = HtmlShape | 'text-sections' | 'text-lines';

/** `salt` makes each call's strings new. */
export function grownHtml(shape: HtmlShape, n: number, salt = ''): string {
  switch (shape) {
    case 'nested':
      // The report inside n layout tables nested one in another.
      return `<html><body>${'<table><tr><td>'.repeat(n)}${salt}${CORE}${'</td></tr></table>'.repeat(n)}</body></html>`;
    case 'tables':
      // n small tables around the report, each with table words.
      return `<html><body>${Array.from({ length: n }, (_, i) => `<table><tr><td>规章${salt}</td><td>行政许可</td><td>${i}</td></tr></table>`).join('')}${CORE}</body></html>`;
    case 'rows':
      // One table with the report's labels and n more rows.
      return `<html><body>${CORE}<table><tr><td>信息内容${salt}</td><td>本年新制作数量</td></tr>${Array.from({ length: n }, (_, i) => ROW(i)).join('')}</table></body></html>`;
    case 'sections':
      // n headings 一 and 二 before the report (each pair reads as a report of its own).
      return `<html><body>${Array.from({ length: n }, (_, i) => `<p>一、总体情况${salt}</p><p>本年${i}</p><p>二、主动公开政府信息情况</p>`).join('')}${CORE}</body></html>`;
    case 'depth':
      // The report under n nested blocks, each with a line of text.
      return `<html><body>${Array.from({ length: n }, (_, i) => `<div>第${i}段${salt}`).join('')}${CORE}${'</div>'.repeat(n)}</body></html>`;
  }
}

/** The text report with n extra sections (headings and sub-headings) or n extra lines in its table rows. */
export function grownText(shape: 'text-sections' | 'text-lines', n: number, salt = ''): string {
  if (shape === 'text-sections') {
    const extra = Array.from(
      { length: n },
      (_, i) =>
        `${['一', '二', '三', '四', '五', '六'][i % 6]}、工作情况${salt}\n（一）主动公开${i}条\n一是公开；二是解读。`,
    ).join('\n');
    return `${TEXT}\n${extra}`;
  }
  const lines = Array.from({ length: n }, (_, i) => `规章\t${i}\t${i % 3}\t${i}${salt}`).join('\n');
  return `${TEXT}\n${lines}`;
}

export function grown(shape: Shape, n: number, salt = ''): string {
  return shape === 'text-sections' || shape === 'text-lines'
    ? grownText(shape, n, salt)
    : grownHtml(shape, n, salt);
}
