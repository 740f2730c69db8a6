// The corpus fixtures: test/fixtures/corpus/<id>.report.json from the corpus at the repository root: the
// tables from <id>.values.json (read by hand from each page, checked against
// the page's cells), the title, preamble and section texts from the page with
// its tables removed. The output is committed (test/corpus.test.ts fails when it
// is stale); rewrite it after changing this file:
//   npx tsx --conditions=@nianbao/source packages/schema/scripts/build-corpus-fixtures.ts
// It is a fixture tool, not an extractor: it knows where each page's report
// starts and ends (CONFIG) and that headings are short lines starting 一、…六、.
import { readFileSync } from 'node:fs';
import { corpusPath } from '../../../tests/corpus.ts';
import {
  type AgencyKind,
  FORMATS,
  type Format,
  normalizeLabel,
  type Provenance,
  ReportSchema,
  setCell,
} from '../src/index.ts';
import { ordinalValue, sectionByKeywords } from '../src/text/sections.ts';

export interface PageConfig {
  id: string;
  file: string;
  /**
   * A text instead of a portal page: `markdown` (tables as `|` rows), or
   * `crawled` (a crawler's text on one line, cells separated by spaces; its
   * headings are found by their official wording).
   */
  kind?: 'markdown' | 'crawled';
  /** For crawled texts: the top-level headings as printed, when they differ from the official ones. */
  headings?: string[];
  /** For text sources: the tables as read by hand (pages have a values.json). */
  values?: Values;
  title: string;
  agencyKind: AgencyKind;
  /** The report text starts at the first line that begins with this. */
  start?: string;
  /** …and ends before the first line that begins with this (default: the page's end). */
  end?: string;
  note: string;
}

export const CORPUS_FIXTURES: PageConfig[] = [
  {
    id: 'pt-syq-2019',
    file: 'pages/pt-syq-2019.html',
    title: '平潭综合实验区2019年度政府信息公开工作年度报告',
    agencyKind: 'gov', // the 区's own report, compiled by the 管委会办公室 for the whole 区
    start: '根据《中华人民共和国政府信息公开条例》',
    end: '附件下载',
    note: 'Word-exported tables; 三、本年度办理结果 as two rowspan cells; purchase total written 75394432.52元 inside the cell under a bare 采购总金额 header.',
  },
  {
    id: 'pt-syq-2023',
    file: 'pages/pt-syq-2023.html',
    title: '平潭综合实验区2023年度政府信息公开工作年度报告',
    agencyKind: 'gov',
    start: '本报告根据',
    end: '附件下载',
    note: 'A clean report in the 2021 format.',
  },
  {
    id: 'pt-shs-2023',
    file: 'pages/pt-shs-2023.html',
    title: '平潭综合实验区社会事业局2023年政府信息公开工作年度报告',
    agencyKind: 'dept',
    start: '根据《中华人民共和国政府信息公开条例》',
    end: '附件下载',
    note: 'Table 二 has no 规章 row (so activeDisclosure.regulations is absent); the 勾稽 statement is spelled 钩稽; heading 四 reads 行政法复议.',
  },
  {
    id: 'sh-gov-office-2019',
    file: 'pages/sh-gov-office-2019.fragment.html',
    title: '2019年上海市人民政府办公厅政府信息公开工作年度报告',
    agencyKind: 'dept',
    start: '本年度报告根据',
    note: 'Article body only. The 总计 column of table 三 is blank on every result row while （七）总计 says 805; blank cells are null.',
  },
  {
    id: 'pt-gaj-2020',
    file: 'pages/pt-gaj-2020.html',
    title: '平潭综合实验区公安局2020年政府信息公开工作年度报告',
    agencyKind: 'dept',
    note: 'The page holds only the title: the report is an attached .doc. No table and no text: "not found", never zeros.',
  },
  {
    id: 'pt-czj-2020',
    file: 'text/pt-czj-2020.txt',
    kind: 'crawled',
    title: '平潭综合实验区财政金融局2020年度政府信息公开工作年度报告',
    agencyKind: 'dept',
    start: '根据《中华人民共和国政府信息公开条例》',
    end: '平潭综合实验区财政金融局 2021年1月27日',
    note: "A crawler's text of a portal page, all on one line with every cell separated by a space; tables read by hand below (政府集中采购 written 2笔 and 984361元 inside the cells); the date is the page's 发布时间.",
    values: {
      format: '2019',
      reportYear: 2020,
      agencyName: '平潭综合实验区财政金融局',
      publishedAt: '2021-01-28',
      activeDisclosure: {
        '第二十条第（一）项/规章': [0, 0, 0],
        '第二十条第（一）项/规范性文件': [6, 4, 11],
        '第二十条第（五）项/行政许可': [0, 1, 0],
        '第二十条第（五）项/其他对外管理服务事项': [0, 0, 0],
        '第二十条第（六）项/行政处罚': [0, 0, 0],
        '第二十条第（六）项/行政强制': [0, 0, 0],
        '第二十条第（八）项/行政事业性收费': [0, 0],
        '第二十条第（九）项/政府集中采购': ['2笔', '984361元'],
      },
      applications: Object.fromEntries(
        FORMATS['2019'].applications.rows.map((r) => [r.label.zh, [0, 0, 0, 0, 0, 0, 0]]),
      ),
      appeals: Array(15).fill(0),
    },
  },
  {
    id: 'pt-syq-2022',
    file: 'text/pt-syq-2022.txt',
    kind: 'crawled',
    title: '平潭综合实验区2022年度政府信息公开工作年度报告',
    agencyKind: 'gov',
    start: '本报告根据',
    headings: [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政法复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ],
    note: "A crawler's text whose cell separators were lost (713000074 is 71, 3, 0, 0, 0, 0, 74). Read by hand: every row of table 三 is split so that its 总计 is the sum of its cells and the columns balance (the only reading that does); 行政规范性文件 8855698 is 88 issued (the text: 本年度制发的规范性文件88件), 55 repealed, 698 in force (the text: 现行有效行政规范性文件698件). The same agency's report of the year before pt-syq-2023, for the cross-year rules. The date is the page's 发布时间.",
    values: {
      format: '2021',
      reportYear: 2022,
      agencyName: '平潭综合实验区',
      publishedAt: '2023-02-20',
      activeDisclosure: {
        '第二十条第（一）项/规章': [0, 0, 0],
        '第二十条第（一）项/行政规范性文件': [88, 55, 698],
        '第二十条第（五）项/行政许可': [10690],
        '第二十条第（六）项/行政处罚': [2113],
        '第二十条第（六）项/行政强制': [0],
        '第二十条第（八）项/行政事业性收费': [9116.36],
      },
      applications: {
        '一、本年新收政府信息公开申请数量': [71, 3, 0, 0, 0, 0, 74],
        '二、上年结转政府信息公开申请数量': [1, 0, 0, 0, 0, 0, 1],
        '（一）予以公开': [21, 0, 0, 0, 0, 0, 21],
        '（二）部分公开（区分处理的，只计这一情形，不计其他情形）': [8, 1, 0, 0, 0, 0, 9],
        '1.属于国家秘密': [0, 0, 0, 0, 0, 0, 0],
        '2.其他法律行政法规禁止公开': [0, 0, 0, 0, 0, 0, 0],
        '3.危及“三安全一稳定”': [0, 0, 0, 0, 0, 0, 0],
        '4.保护第三方合法权益': [0, 0, 0, 0, 0, 0, 0],
        '5.属于三类内部事务信息': [1, 0, 0, 0, 0, 0, 1],
        '6.属于四类过程性信息': [2, 0, 0, 0, 0, 0, 2],
        '7.属于行政执法案卷': [1, 0, 0, 0, 0, 0, 1],
        '8.属于行政查询事项': [0, 0, 0, 0, 0, 0, 0],
        '1.本机关不掌握相关政府信息': [37, 0, 0, 0, 0, 0, 37],
        '2.没有现成信息需要另行制作': [0, 0, 0, 0, 0, 0, 0],
        '3.补正后申请内容仍不明确': [0, 0, 0, 0, 0, 0, 0],
        '1.信访举报投诉类申请': [0, 0, 0, 0, 0, 0, 0],
        '2.重复申请': [0, 0, 0, 0, 0, 0, 0],
        '3.要求提供公开出版物': [0, 0, 0, 0, 0, 0, 0],
        '4.无正当理由大量反复申请': [0, 0, 0, 0, 0, 0, 0],
        '5.要求行政机关确认或重新出具已获取信息': [0, 0, 0, 0, 0, 0, 0],
        '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请': [2, 0, 0, 0, 0, 0, 2],
        '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请': [
          0, 0, 0, 0, 0, 0, 0,
        ],
        '3.其他': [0, 2, 0, 0, 0, 0, 2],
        '（七）总计': [72, 3, 0, 0, 0, 0, 75],
        '四、结转下年度继续办理': [0, 0, 0, 0, 0, 0, 0],
      },
      appeals: [0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0],
    },
  },
  {
    id: 'sy-gov-2025',
    file: 'text/sy-gov-2025.txt',
    kind: 'markdown',
    title: '沐阳县人民政府 2025 年 政府信息公开工作年度报告',
    agencyKind: 'gov',
    start: '依据《中华人民共和国政府信息公开条例》',
    end: '沐阳县人民政府',
    note: 'A PDF converted to markdown by a third party: OCR slips (沭阳 → 沐阳, kept as printed, so that the title and the agency name agree as the reader sees them), labels split from numbers, and a garbled header row above the last rows of table 三 (mapped by order). The tables were read by hand below; the date is the one printed under the title.',
    values: {
      format: '2021',
      reportYear: 2025,
      agencyName: '沐阳县人民政府',
      publishedAt: '2026-01-23',
      activeDisclosure: {
        '第二十条第（一）项/规章': [0, 0, 0],
        '第二十条第（一）项/行政规范性文件': [6, 1, 32],
        '第二十条第（五）项/行政许可': [517645],
        '第二十条第（六）项/行政处罚': [693957],
        '第二十条第（六）项/行政强制': [2154],
        '第二十条第（八）项/行政事业性收费': [4068.208],
      },
      applications: {
        '一、本年新收政府信息公开申请数量': [705, 3, 0, 0, 5, 0, 713],
        '二、上年结转政府信息公开申请数量': [36, 0, 0, 0, 0, 0, 36],
        '（一）予以公开': [290, 1, 0, 0, 3, 0, 294],
        '（二）部分公开（区分处理的，只计这一情形，不计其他情形）': [99, 0, 0, 0, 2, 0, 101],
        '1.属于国家秘密': [0, 0, 0, 0, 0, 0, 0],
        '2.其他法律行政法规禁止公开': [0, 0, 0, 0, 0, 0, 0],
        '3.危及“三安全一稳定”': [2, 0, 0, 0, 0, 0, 2],
        '4.保护第三方合法权益': [2, 0, 0, 0, 0, 0, 2],
        '5.属于三类内部事务信息': [13, 0, 0, 0, 0, 0, 13],
        '6.属于四类过程性信息': [2, 0, 0, 0, 0, 0, 2],
        '7.属于行政执法案卷': [4, 0, 0, 0, 0, 0, 4],
        '8.属于行政查询事项': [9, 0, 0, 0, 0, 0, 9],
        '1.本机关不掌握相关政府信息': [111, 0, 0, 0, 0, 0, 111],
        '2.没有现成信息需要另行制作': [2, 0, 0, 0, 0, 0, 2],
        '3.补正后申请内容仍不明确': [0, 0, 0, 0, 0, 0, 0],
        '1.信访举报投诉类申请': [12, 0, 0, 0, 0, 0, 12],
        '2.重复申请': [6, 1, 0, 0, 0, 0, 7],
        '3.要求提供公开出版物': [0, 0, 0, 0, 0, 0, 0],
        '4.无正当理由大量反复申请': [0, 0, 0, 0, 0, 0, 0],
        '5.要求行政机关确认或重新出具已获取信息': [0, 0, 0, 0, 0, 0, 0],
        '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请': [9, 0, 0, 0, 0, 0, 9],
        '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请': [
          7, 0, 0, 0, 0, 0, 7,
        ],
        '3.其他': [142, 1, 0, 0, 0, 0, 143],
        '（七）总计': [710, 3, 0, 0, 5, 0, 718],
        '四、结转下年度继续办理': [31, 0, 0, 0, 0, 0, 31],
      },
      appeals: [27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10],
    },
  },
];

type Cell = number | string | null;
interface Values {
  format: Format;
  reportYear: number;
  agencyName: string;
  publishedAt: string;
  applications: Record<string, Cell[]>;
  appeals?: Cell[] | null;
  activeDisclosure: Record<string, Cell[]>;
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Page text without scripts, styles, comments and tables, one block per line. */
function pageLines(html: string): string[] {
  let s = html.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '').replace(/<!--[\s\S]*?-->/g, '');
  // Innermost tables first, so that nested Word tables go too.
  for (let before = ''; before !== s; ) {
    before = s;
    s = s.replace(/<table(?:(?!<table)[\s\S])*?<\/table>/gi, '\n');
  }
  s = s
    .replace(/<br\s*\/?>|<\/?(?:p|div|h\d|li|tr|section|article)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (whole, name: string) => {
      if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
  return s
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean);
}

const HEADING = /^([一二三四五六七八九十])、(.{2,40})$/;

function textOf(cfg: PageConfig, html: string) {
  if (!cfg.start) return { sections: [], preamble: undefined };
  const lines = pageLines(html);
  const from = lines.findIndex((l) => l.startsWith(cfg.start!));
  if (from === -1) throw new Error(`${cfg.id}: start marker not found`);
  const to = cfg.end ? lines.findIndex((l, i) => i > from && l.startsWith(cfg.end!)) : lines.length;
  const body = lines.slice(from, to === -1 ? lines.length : to);
  const sections: { ordinal: string; heading: string; text: string }[] = [];
  const preamble: string[] = [];
  for (const line of body) {
    const m = HEADING.exec(line);
    if (m && !/[。；]/.test(line)) sections.push({ ordinal: m[1]!, heading: line, text: '' });
    else if (sections.length === 0) preamble.push(line);
    else {
      const last = sections.at(-1)!;
      last.text = last.text ? `${last.text}\n${line}` : line;
    }
  }
  return { sections, preamble: preamble.join('\n') };
}

/**
 * A markdown report: headings may carry `#` marks; table rows (`|…|`) and the
 * table captions of sections 二–四 are the tables, not text.
 */
function markdownText(cfg: PageConfig, source: string) {
  const lines = source
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const from = lines.findIndex((l) => l.startsWith(cfg.start!));
  const to = lines.findIndex((l, i) => i > from && l === cfg.end);
  const sections: { ordinal: string; heading: string; text: string }[] = [];
  const preamble: string[] = [];
  for (const raw of lines.slice(from, to === -1 ? lines.length : to)) {
    const line = raw.replace(/^#+\s*/, '');
    const m = HEADING.exec(line);
    const inTables = ['二', '三', '四'].includes(sections.at(-1)?.ordinal ?? '');
    // Inside the tables the converter turned row labels (一、本年新收…) into headings.
    const real = m && (!inTables || sectionByKeywords(line) === ordinalValue(m[1]));
    if (m && real && !/[。；]/.test(line)) {
      sections.push({ ordinal: m[1]!, heading: line, text: '' });
      continue;
    }
    if (sections.length === 0) {
      preamble.push(line);
      continue;
    }
    const last = sections.at(-1)!;
    // Sections 二, 三, 四 hold only their tables (and the captions of their parts).
    if (['二', '三', '四'].includes(last.ordinal) || raw.startsWith('|')) continue;
    last.text = last.text ? `${last.text}\n${line}` : line;
  }
  return { sections, preamble: preamble.join('\n') };
}

/** A crawler's one-line text: split at the six official headings, tables cut out of 二–四. */
function crawledText(cfg: PageConfig, source: string) {
  const from = source.indexOf(cfg.start!);
  const to = cfg.end ? source.indexOf(cfg.end, from) : -1;
  const body = source.slice(from, to === -1 ? undefined : to);
  const printed = cfg.headings ?? FORMATS['2019'].sections.map((tpl) => tpl.heading.zh);
  const starts: { heading: string; number: number; at: number }[] = [];
  let after = 0;
  printed.forEach((heading, i) => {
    const at = body.indexOf(heading, after);
    if (at === -1) return;
    starts.push({ heading, number: i + 1, at });
    after = at + heading.length;
  });
  const sections = starts.map(({ heading, number, at }, i) => {
    const end = starts[i + 1]?.at ?? body.length;
    const text = body.slice(at + heading.length, end).trim();
    // Sections 二, 三, 四 hold only their tables.
    return {
      ordinal: FORMATS['2019'].sections[number - 1]!.ordinal,
      heading,
      text: number >= 2 && number <= 4 ? '' : text,
    };
  });
  return { sections, preamble: body.slice(0, starts[0]?.at ?? body.length).trim() };
}

function koujiHeader(html: string): string | undefined {
  const m =
    /<t[dh][^>]*>((?:(?!<\/t[dh]>)[\s\S])*?[勾钩]稽(?:(?!<\/t[dh]>)[\s\S])*?)<\/t[dh]>/i.exec(html);
  return m?.[1]
    ?.replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, '')
    .trim();
}

function cellValue(cell: Cell): number | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return cell;
  const n = Number(cell.replace(/[^\d.+-]/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** The fixture of one corpus report, as committed. */
export function buildFixture(cfg: PageConfig) {
  const html = readFileSync(corpusPath(cfg.file), 'utf8');
  const valuesFile = cfg.file.replace(/\.html$/, '.values.json');
  const values = cfg.values ?? (JSON.parse(readFileSync(corpusPath(valuesFile), 'utf8')) as Values);
  const template = FORMATS[values.format];
  const { sections, preamble } =
    cfg.kind === 'markdown'
      ? markdownText(cfg, html)
      : cfg.kind === 'crawled'
        ? crawledText(cfg, html)
        : textOf(cfg, html);
  let report = ReportSchema.parse({
    format: values.format,
    meta: {
      title: cfg.title,
      agencyName: values.agencyName,
      agencyKind: cfg.agencyKind,
      reportYear: values.reportYear,
      publishedAt: values.publishedAt,
      publishedAtSource: 'page',
    },
    sections,
    ...(preamble && { preamble }),
  });
  const provenance: Provenance = { cells: {} };
  const put = (path: string, cell: Cell, header: string, rowLabel: string) => {
    report = setCell(report, path, cellValue(cell));
    provenance.cells[path] = {
      raw: cell === null ? '' : String(cell),
      header,
      rowLabel,
      location: { line: 0 },
    };
  };

  // Table 二: "caption/row label" → the sub-table and row with those labels.
  for (const [key, cells] of Object.entries(values.activeDisclosure)) {
    const [caption, label] = key.split('/') as [string, string];
    const sub = template.activeDisclosure.subTables.find(
      (s) => normalizeLabel(s.caption.zh) === normalizeLabel(caption),
    );
    // pt-shs-2023 prints the 2019 label 规范性文件 in its 2021 table (行政规范性文件).
    const row = sub?.rows.find((r) => normalizeLabel(r.label.zh).endsWith(normalizeLabel(label)));
    if (!sub || !row) throw new Error(`${cfg.id}: no template row for ${key}`);
    if (cells.length !== row.cells.length)
      throw new Error(`${cfg.id}: ${key} has ${cells.length} cells`);
    for (const [i, cell] of cells.entries())
      put(row.cells[i]!, cell, sub.columns[i]!.label.zh, label);
  }
  // Table 三: the rows in table order, matched label by label.
  const rows = Object.entries(values.applications);
  if (rows.length > 0) {
    if (rows.length !== template.applications.rows.length)
      throw new Error(`${cfg.id}: table 三 rows`);
    rows.forEach(([label, cells], i) => {
      const row = template.applications.rows[i]!;
      if (normalizeLabel(row.label.zh) !== normalizeLabel(label)) {
        throw new Error(`${cfg.id}: table 三 row ${i} is ${label}, template ${row.label.zh}`);
      }
      for (const [j, cell] of cells.entries()) {
        put(row.cells[j]!, cell, template.applications.columns[j]!.label.zh, label);
      }
    });
  }
  // Table 四: 15 numbers, 复议 / 直接起诉 / 复议后起诉 × 5.
  if (values.appeals) {
    if (values.appeals.length !== 15)
      throw new Error(`${cfg.id}: table 四 has ${values.appeals.length}`);
    template.appeals.rows.forEach((row, g) => {
      for (const [k, path] of row.cells.entries()) {
        put(path, values.appeals![g * 5 + k]!, template.appeals.columns[k]!.label.zh, row.label.zh);
      }
    });
  }
  const kouji =
    cfg.kind === 'markdown'
      ? html
          .split('\n')
          .find((l) => /[勾钩]稽/.test(l))
          ?.trim()
      : cfg.kind === 'crawled'
        ? /（本列数据的[勾钩]稽关系为[^）]*）/.exec(html)?.[0]
        : koujiHeader(html);
  if (kouji) provenance.tableHeaders = { applications: kouji };
  return {
    source: cfg.values
      ? `corpus/${cfg.file} (tables read by hand from the text; text without the tables)`
      : `corpus/${cfg.file} (tables from ${valuesFile.split('/').pop()}, checked against the page's cells; text from the page with its tables removed)`,
    note: cfg.note,
    report: ReportSchema.parse(report),
    provenance,
  };
}

/** The JSON text committed for a fixture. */
export function renderFixture(cfg: PageConfig): string {
  return `${JSON.stringify(buildFixture(cfg), null, 1)}\n`;
}
