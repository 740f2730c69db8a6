/**
 * Builds report pages in the official layout from the schema templates, with
 * knobs for the variations real portals show (spec §9): tables split over
 * several <table>s, label rewording, Traditional script, an extra subtotal
 * column, custom cell texts. Returns the page and the values it holds.
 */
import { FORMATS, type Format } from '@nianbao/schema';

export interface BuildOptions {
  format?: Format;
  year?: number;
  agency?: string;
  /** Each sub-table and table in its own <table>, captions and headers apart from rows. */
  split?: boolean;
  /** Rewrites every printed label (row, column, caption). */
  label?: (text: string) => string;
  /** Adds the unofficial 法人或其他组织小计 column after 其他. */
  subtotal?: boolean;
  /** Cell text of a value (default: the number). */
  cellText?: (path: string, value: number) => string;
  /** Extra HTML before the report (menus) and after (footer). */
  chrome?: boolean;
}

export interface Built {
  html: string;
  values: Map<string, number>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function buildReport(o: BuildOptions = {}): Built {
  const format = o.format ?? '2021';
  const t = FORMATS[format];
  const year = o.year ?? (format === '2019' ? 2020 : 2022);
  const agency = o.agency ?? '测试县交通运输局';
  const L = o.label ?? ((s: string) => s);
  const values = new Map<string, number>();
  const cell = (path: string, value: number) => {
    values.set(path, value);
    return `<td>${esc(o.cellText ? o.cellText(path, value) : String(value))}</td>`;
  };

  // Table 三 with balancing values.
  const rows = t.applications.rows;
  const results = rows.filter(
    (r) => r.path.includes('.results.') && !r.path.endsWith('results.total'),
  );
  const v = new Map<string, number[]>();
  results.forEach((r, i) => {
    const six = [(i * 3) % 5, i % 2, 0, 0, i % 3 === 0 ? 1 : 0, 0];
    v.set(r.path, [...six, six.reduce((a, b) => a + b, 0)]);
  });
  const total = [0, 1, 2, 3, 4, 5, 6].map((c) =>
    results.reduce((s, r) => s + v.get(r.path)![c]!, 0),
  );
  v.set('applications.results.total', total);
  v.set('applications.carriedForward', [1, 0, 0, 0, 0, 0, 1]);
  v.set('applications.carriedOver', [0, 0, 0, 0, 0, 0, 0]);
  v.set(
    'applications.newReceived',
    total.map((x, c) => x + (c === 0 || c === 6 ? 1 : 0)),
  );

  const header = `<tr><td colspan="3" rowspan="3">${esc(L(t.koujiStatement))}</td><td colspan="${o.subtotal ? 8 : 7}">${L('申请人情况')}</td></tr>
<tr><td rowspan="2">${L('自然人')}</td><td colspan="${o.subtotal ? 6 : 5}">${L('法人或其他组织')}</td><td rowspan="2">${L('总计')}</td></tr>
<tr>${t.applications.columns
    .slice(1, 6)
    .map((c) => `<td>${L(c.label.zh)}</td>`)
    .join('')}${o.subtotal ? `<td>${L('小计')}</td>` : ''}</tr>`;
  const body = rows
    .map((row, i) => {
      const vals = v.get(row.path)!;
      let cells = row.cells.map((p, k) => cell(p, vals[k]!));
      if (o.subtotal)
        cells = [
          ...cells.slice(0, 6),
          `<td>${vals.slice(1, 6).reduce((a, b) => a + b, 0)}</td>`,
          cells[6]!,
        ];
      const first = i === rows.findIndex((r) => r.groups.length > 0);
      const group = first
        ? `<td rowspan="${rows.filter((r) => r.groups.length > 0).length}">${L(row.groups[0]!.zh)}</td>`
        : '';
      const span = row.groups.length === 0 ? 3 : row.groups.length === 1 ? 2 : 1;
      const sub =
        row.groups[1] && rows.find((r) => r.groups[1]?.zh === row.groups[1]!.zh) === row
          ? `<td rowspan="${rows.filter((r) => r.groups[1]?.zh === row.groups[1]!.zh).length}">${L(row.groups[1]!.zh)}</td>`
          : '';
      return `<tr>${group}${sub}<td colspan="${span}">${esc(L(row.label.zh))}</td>${cells.join('')}</tr>`;
    })
    .join('\n');
  const t3 = o.split
    ? `<table>${header}</table>\n<table>${body}</table>`
    : `<table>${header}\n${body}</table>`;

  // Table 二.
  const parts: string[] = [];
  t.activeDisclosure.subTables.forEach((st, s) => {
    const caption = `<tr><td colspan="4">${L(st.caption.zh)}</td></tr>`;
    const head = `<tr><td>${L(st.rowHeader.zh)}</td>${st.columns.map((c) => `<td>${esc(L(c.label.zh))}</td>`).join('')}</tr>`;
    const data = st.rows
      .map(
        (row, r) =>
          `<tr><td>${esc(L(row.label.zh))}</td>${row.cells.map((p, k) => cell(p, 10 * s + 3 * r + k)).join('')}</tr>`,
      )
      .join('');
    parts.push(
      o.split
        ? `<table>${caption}</table><table>${head}${data}</table>`
        : `${caption}${head}${data}`,
    );
  });
  const t2 = o.split ? parts.join('\n') : `<table>${parts.join('')}</table>`;

  // Table 四.
  const t4Values = [1, 0, 1, 0, 2, 3, 1, 0, 0, 4, 0, 0, 1, 1, 2];
  const outcome = t.appeals.columns.map((c) => `<td>${L(c.label.zh)}</td>`).join('');
  const t4 = `<table><tr><td colspan="5">${L('行政复议')}</td><td colspan="10">${L('行政诉讼')}</td></tr>
<tr>${t.appeals.columns.map((c) => `<td rowspan="2">${L(c.label.zh)}</td>`).join('')}<td colspan="5">${L('未经复议直接起诉')}</td><td colspan="5">${L('复议后起诉')}</td></tr>
<tr>${outcome}${outcome}</tr><tr>${t.appeals.rows
    .flatMap((r) => r.cells)
    .map((p, i) => cell(p, t4Values[i]!))
    .join('')}</tr></table>`;

  const h = t.sections.map((x) => L(x.heading.zh));
  const menu = o.chrome
    ? '<div class="nav"><ul><li>首页</li><li>政务公开</li><li>一、二、三</li></ul><table><tr><td>栏目</td><td>2023</td></tr></table></div>'
    : '';
  const footer = o.chrome
    ? '<div class="footer"><p>主办单位：测试县人民政府办公室</p><p>网站标识码 1234567890</p></div>'
    : '';
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${agency}${year}年政府信息公开工作年度报告_测试县人民政府</title></head><body>
${menu}<div class="article"><h1>${agency}${year}年政府信息公开工作年度报告</h1>
<p>本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。</p>
<p>${h[0]}</p><p>${year}年，我局主动公开、依申请公开、政府信息管理、平台建设、监督保障工作有序推进。</p>
<p>${h[1]}</p>${t2}
<p>${h[2]}</p>${t3}
<p>${h[3]}</p>${t4}
<p>${h[4]}</p><p>一是公开不够及时。下一步将加强培训。</p>
<p>${h[5]}</p><p>本年度未收取信息处理费。</p></div>${footer}
</body></html>`;
  return { html, values };
}
