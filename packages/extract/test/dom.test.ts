/**
 * DOM input through the Node HTML path: the layout variations of spec §9 on
 * pages built from the templates.
 */
import { getCell, normalizeLabel } from '@nianbao/schema';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { extractFromDocument } from '../src/index.ts';
import { extract, extractAll, parseHtmlDocument } from '../src/node.ts';
import { buildReport } from './build-report.ts';

function expectAllCells(report: Parameters<typeof getCell>[0], values: Map<string, number>) {
  expect(values.size).toBeGreaterThan(180);
  for (const [path, value] of values) expect(getCell(report, path), path).toBe(value);
}

describe('layouts', () => {
  it('reads a page in the official layout among menus and footer tables', async () => {
    const { html, values } = buildReport({ chrome: true });
    const { report, diagnostics, found } = await extract(html);
    expect(found).toBe(true);
    expectAllCells(report, values);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(report.sections.map((s) => s.ordinal)).toEqual(['一', '二', '三', '四', '五', '六']);
    expect(report.sections[5]!.text).toBe('本年度未收取信息处理费。');
    expect(report.meta).toMatchObject({
      agencyName: '测试县交通运输局',
      agencyKind: 'dept',
      reportYear: 2022,
    });
  });

  it('reads tables split over several <table>s', async () => {
    const { html, values } = buildReport({ split: true, format: '2019' });
    const { report, diagnostics, provenance } = await extract(html);
    expect(report.format).toBe('2019');
    expect(provenance.labels!.filter((l) => l.kind === 'caption')).toHaveLength(5);
    expectAllCells(report, values);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('reads labels in Traditional script (gate/big5 gateways)', async () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const { html, values } = buildReport({ label: toTraditional });
    expect(html).toContain('申請');
    const { report, diagnostics } = await extract(html);
    expectAllCells(report, values);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('accepts ordinal variants, halfwidth brackets and header notes, and records the wording', async () => {
    const label = (s: string) =>
      s
        .replace(/^(\d)\./, '$1、')
        .replace(/^（([一二三四五六七])）/, '($1)、')
        .replace(/^上一年项目数量$/, '上一年项目数量（指2019年事项数）')
        .replace(/^规章$/, '规章（设区的市、自治州人民政府应提供相关数据）');
    const { html, values } = buildReport({ label, format: '2019' });
    const { report, provenance, diagnostics } = await extract(html);
    expectAllCells(report, values);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const secret = provenance.labels!.find(
      (l) => l.path === 'applications.results.denied.stateSecret',
    );
    expect(secret).toMatchObject({ raw: '1、属于国家秘密', canonical: '1.属于国家秘密' });
    const header = provenance.labels!.find(
      (l) => l.path === 'activeDisclosure.item5.previousCount',
    );
    expect(header?.raw).toBe('上一年项目数量（指2019年事项数）');
  });

  it('maps away the unofficial 法人或其他组织小计 column when it is the sum of the five', async () => {
    const { html, values } = buildReport({ subtotal: true });
    const { report, diagnostics } = await extract(html);
    expectAllCells(report, values);
    expect(diagnostics.find((d) => d.ruleId === 'T3-EXTRA-COLUMN')).toMatchObject({
      origin: 'extraction',
      severity: 'info',
    });
  });

  it('reads blank markers as null with their raw text, units and fullwidth digits as numbers', async () => {
    const blanks = ['', '\u00a0', '-', '—', '/', '无'];
    let n = 0;
    const cellText = (path: string, value: number) => {
      if (path.startsWith('applications.results.denied')) return blanks[n++ % blanks.length]!;
      if (path === 'activeDisclosure.licensing.decisions') return '１，２３４';
      if (path === 'activeDisclosure.penalty.decisions') return `${value}件`;
      return String(value);
    };
    const { html } = buildReport({ cellText });
    const { report, provenance } = await extract(html);
    expect(getCell(report, 'applications.results.denied.stateSecret.naturalPerson')).toBeNull();
    expect(provenance.cells['applications.results.denied.stateSecret.commercial']?.raw).toBe(
      '\u00a0'.trim() || '',
    );
    expect(provenance.cells['applications.results.denied.stateSecret.research']?.raw).toBe('-');
    expect(getCell(report, 'applications.results.denied.stateSecret.otherOrg')).toBeNull();
    expect(provenance.cells['applications.results.denied.stateSecret.otherOrg']?.raw).toBe('无');
    expect(getCell(report, 'activeDisclosure.licensing.decisions')).toBe(1234);
    expect(provenance.cells['activeDisclosure.licensing.decisions']?.raw).toBe('１，２３４');
    expect(getCell(report, 'activeDisclosure.penalty.decisions')).toBe(20);
  });

  it('leaves an unreadable value blank and says what it saw, never a guess', async () => {
    const cellText = (path: string, value: number) =>
      path === 'applications.newReceived.total' ? '见附件' : String(value);
    const { html } = buildReport({ cellText });
    const { report, diagnostics } = await extract(html);
    expect(getCell(report, 'applications.newReceived.total')).toBeNull();
    const d = diagnostics.find((x) => x.ruleId === 'EXTRACT-VALUE-UNPARSEABLE');
    expect(d).toMatchObject({ origin: 'extraction', cells: ['applications.newReceived.total'] });
    expect(d!.message).toContain('见附件');
  });

  it('reports a row whose count of values is wrong as the extraction side of T3-B-SHAPE', async () => {
    const { html } = buildReport();
    const broken = html.replace(
      /(<td colspan="2">（一）予以公开<\/td>(?:<td>\d+<\/td>){6})<td>\d+<\/td>/,
      '$1',
    );
    expect(broken).not.toBe(html);
    const { report, diagnostics } = await extract(broken);
    expect(report.applications?.results?.granted).toBeUndefined();
    expect(diagnostics.find((d) => d.ruleId === 'T3-B-SHAPE')).toMatchObject({
      origin: 'extraction',
      params: { expected: 7, actual: 6 },
    });
  });
});

describe('merged labels written out as empty cells', () => {
  it('reads rows whose merged label cells are empty placeholders (converted Word tables)', async () => {
    const { html, values } = buildReport();
    // Drop every rowspan: each continuation row gets empty cells where the merged labels were.
    const flat = html
      .replace(
        /<td rowspan="\d+">((?:三、本年度办理结果|（[三四五六]）[^<]*))<\/td>/g,
        '<td>$1</td>',
      )
      .replace(/<tr>(<td colspan="2">)/g, '<tr><td></td>$1')
      .replace(/<tr>(<td colspan="1">)/g, '<tr><td></td><td></td>$1');
    expect(flat).not.toBe(html);
    const { report, diagnostics } = await extract(flat);
    expectAllCells(report, values);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});

describe('table 四 split by group', () => {
  it('reads 行政复议 and the two 行政诉讼 groups printed as three tables', async () => {
    const { html, values } = buildReport();
    const t4 = /<table><tr><td colspan="5">行政复议[\s\S]*?<\/table>/.exec(html)![0];
    const nums = [...t4.matchAll(/<td>(\d+)<\/td>/g)].map((m) => m[1]);
    expect(nums).toHaveLength(15);
    const head =
      '<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>';
    const group = (title: string, k: number) =>
      `<p>${title}</p><table>${head}<tr>${nums
        .slice(k * 5, k * 5 + 5)
        .map((n) => `<td>${n}</td>`)
        .join('')}</tr></table>`;
    const split = [
      group('行政复议', 0),
      group('行政诉讼（未经复议直接起诉）', 1),
      group('行政诉讼（复议后起诉）', 2),
    ].join('\n');
    const { report, diagnostics } = await extract(html.replace(t4, split));
    expectAllCells(report, values);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});

describe('unrecognised rows', () => {
  it('says so for a table 三 row whose label matches no template row, and reads the others', async () => {
    const { html, values } = buildReport();
    const extra =
      '<tr><td colspan="3">（八）其他情况说明</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>';
    const page = html.replace(/(<tr><td colspan="3">四、结转下年度继续办理)/, `${extra}$1`);
    expect(page).not.toBe(html);
    const { report, diagnostics } = await extract(page);
    expectAllCells(report, values);
    const d = diagnostics.find((x) => x.ruleId === 'EXTRACT-ROW-UNRECOGNISED');
    expect(d).toMatchObject({
      origin: 'extraction',
      params: { table: '三', label: '（八）其他情况说明', count: 7 },
    });
  });
});

describe('documents', () => {
  it('gives one result per report on a page with two reports', async () => {
    const a = buildReport({ agency: '甲县公安局' });
    const b = buildReport({ agency: '乙县公安局', format: '2019' });
    const body = (html: string) =>
      html.slice(html.indexOf('<div class="article">'), html.indexOf('</body>'));
    const page = `<html><head><meta charset="utf-8"></head><body>${body(a.html)}${body(b.html)}</body></html>`;
    const results = await extractAll(page);
    expect(results.map((r) => r.report.meta.agencyName)).toEqual(['甲县公安局', '乙县公安局']);
    expect(results.map((r) => r.report.format)).toEqual(['2021', '2019']);
    expectAllCells(results[1]!.report, b.values);
    expect((await extract(page)).report.meta.agencyName).toBe('甲县公安局');
  });

  it('says found: false on a page that is not a report', async () => {
    const page =
      '<html><body><div class="nav">首页 政务公开</div><table><tr><td>通知公告</td><td>2024-01-01</td></tr></table></body></html>';
    const { found, diagnostics, report } = await extract(page);
    expect(found).toBe(false);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'EXTRACT-NOT-A-REPORT', origin: 'extraction' });
    expect(report.applications).toBeUndefined();
  });

  it('decodes GBK bytes declared by <meta charset> and by http-equiv', async () => {
    const { html, values } = buildReport();
    const encoded = await encodeGbk(
      html.replace(
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Type" content="text/html; charset=gbk">',
      ),
    );
    const { report } = await extract(encoded);
    expectAllCells(report, values);
    expect(report.meta.agencyName).toBe('测试县交通运输局');
  });

  it('takes the date from the URL path as a last resort', async () => {
    const { html } = buildReport();
    const { report } = await extract(html, {
      url: 'https://www.example.gov.cn/xxgk/202301/t20230128_123.html',
    });
    expect(report.meta).toMatchObject({ publishedAt: '2023-01-28', publishedAtSource: 'url' });
  });

  it('keeps DOM elements in provenance for a live DOM, so the extension can mark cells', () => {
    const { html, values } = buildReport();
    const doc = parseHtmlDocument(html);
    const { provenance } = extractFromDocument(doc);
    const el = provenance.cells['applications.newReceived.total']?.location?.element as Element;
    expect(el.tagName).toBe('TD');
    expect(normalizeLabel(el.textContent ?? '')).toBe(
      String(values.get('applications.newReceived.total')),
    );
  });
});

/** GBK bytes of a string, via a reverse table of Node's GBK decoder (no encoder is built in). */
async function encodeGbk(text: string): Promise<Uint8Array> {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}
