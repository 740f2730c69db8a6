/**
 * Reads a report out of a DOM: a live page, a DOMParser document, or a Node
 * DOM library's document. Environment-agnostic (DOM Core only).
 */
import { extractionFinding, type Locale } from '@nianbao/schema';
import { chooseFormat } from '../format.ts';
import { isCaption, isKoujiStatement, looseOf } from '../labels.ts';
import { buildMeta, isTitleLike, isTitlePart, labelledCells, yearFromPeriod } from '../meta.ts';
import { buildResult, formatDiagnostics, notFound } from '../result.ts';
import {
  findHeadings,
  type Heading,
  type Line,
  splitAtHeadings,
  splitSections,
} from '../sections.ts';
import { TableAssembler } from '../tables/assemble.ts';
import type { ExtractOptions, ExtractResult } from '../types.ts';
import { tableGrid } from './grid.ts';
import { finishDomTables, newDomTableState, readDomTable } from './rows.ts';
import { type Block, collapse, commonAncestor, containsMany, linearize } from './walk.ts';

export interface DomExtractOptions extends ExtractOptions {
  /** Keep DOM elements in provenance (live pages); off for parsed strings, whose provenance must serialise. */
  keepElements?: boolean;
}

/** Words that mark a table as one of the report's tables. */
const TABLE_WORDS = [
  '第二十条',
  '信息内容',
  '申请人情况',
  '自然人',
  '本年新收',
  '上年结转',
  '予以公开',
  '不予公开',
  '结转下年度',
  '行政许可',
  '行政处罚',
  '行政事业性收费',
  '政府集中采购',
  '规范性文件',
  '行政复议',
  '结果维持',
  '结果纠正',
  '尚未审结',
  '勾稽',
  '钩稽',
];

function isReportTable(el: Element): boolean {
  const text = looseOf((el.textContent ?? '').slice(0, 20000));
  return (
    TABLE_WORDS.filter((w) => text.includes(looseOf(w))).length >= 2 ||
    isKoujiStatement(text.slice(0, 200)) ||
    (text.length <= 12 && isCaption(text))
  );
}

/** `<meta name=… content=…>` of the document head, read once. */
function metaMap(doc: Document | null): Map<string, string> {
  const out = new Map<string, string>();
  const head = doc?.head;
  if (!head) return out;
  for (const m of Array.from(head.children)) {
    if (m.tagName.toUpperCase() !== 'META') continue;
    const name = (m.getAttribute('name') ?? '').toLowerCase();
    const content = m.getAttribute('content')?.trim();
    if (name && content && !out.has(name)) out.set(name, content);
  }
  return out;
}

interface Range {
  from: number;
  to: number;
}

/** Text lines of the blocks in a range (tables excluded), headings split out. */
function linesOf(blocks: Block[], range: Range): Line[] {
  const lines: Line[] = [];
  for (let i = range.from; i < range.to; i++) {
    const b = blocks[i]!;
    if (b.kind === 'text') lines.push({ text: b.text, owner: i });
  }
  return splitAtHeadings(lines);
}

interface Scan {
  lines: Line[];
  headings: Heading[];
}

/** Ranges of blocks, one per report on the page. */
function reportRanges(blocks: Block[], scan: Scan): Range[] {
  const { lines: split, headings } = scan;
  const blockOf = (h: Heading) => split[h.lineIndex]!.owner as number;
  const firsts = headings.filter((h) => h.section === 1 && h.ordinal === '一');
  // Line indexes of the 二 headings, in order: one forward pointer, not a search per 一.
  const twos = headings
    .filter((x) => x.section === 2)
    .map((x) => x.lineIndex)
    .sort((a, b) => a - b);
  let t = 0;
  const starts: number[] = [];
  for (const [k, h] of firsts.entries()) {
    const next = firsts[k + 1];
    while (t < twos.length && twos[t]! <= h.lineIndex) t++;
    const hasTwo = t < twos.length && (!next || twos[t]! < next.lineIndex);
    if (hasTwo || k === 0) starts.push(blockOf(h));
  }
  if (starts.length <= 1) return [{ from: 0, to: blocks.length }];
  const ranges: Range[] = [];
  starts.forEach((start, k) => {
    // Begin at the title just before this report's 一, if there is one.
    let from = start;
    const floor = k === 0 ? 0 : starts[k - 1]! + 1;
    for (let i = start - 1; i >= floor && i >= start - 15; i--) {
      const b = blocks[i]!;
      if (b.kind === 'text' && isTitleLike(b.text)) {
        from = i;
        break;
      }
    }
    ranges.push({ from: k === 0 ? 0 : from, to: blocks.length });
    if (k > 0) ranges[k - 1]!.to = from;
  });
  return ranges;
}

/**
 * Reads the report on a page.
 *
 * @example
 * const { report, diagnostics } = extractFromDocument(document, { url: location.href });
 */
export function extractFromDocument(
  root: Document | Element,
  options: DomExtractOptions = {},
): ExtractResult {
  return extractAllFromDocument(root, options)[0]!;
}

/** One result per report on the page (a page with two reports gives two results). */
export function extractAllFromDocument(
  root: Document | Element,
  options: DomExtractOptions = {},
): ExtractResult[] {
  const locale: Locale = options.locale === 'en' ? 'en' : 'zh-CN';
  const doc = (root.nodeType === 9 ? root : root.ownerDocument) as Document | null;
  const walk = linearize(root);
  if (walk.blocks.length === 0) return [notFound('EXTRACT-EMPTY', locale)];
  const lines = linesOf(walk.blocks, { from: 0, to: walk.blocks.length });
  const scan = { lines, headings: findHeadings(lines) };
  const ranges = reportRanges(walk.blocks, scan);
  // The page's publication date and address belong to every report it holds.
  const page = metaMap(doc);
  // One report (the usual case): the scan of the whole page is reused.
  return ranges.map((range, k) =>
    extractRange(
      walk.blocks,
      range,
      k === 0 ? doc : null,
      page,
      walk.skippedFrames,
      options,
      locale,
      ranges.length === 1 ? scan : undefined,
    ),
  );
}

/** The rows (cell texts) of the page's small tables that are not report tables: the info table. */
function infoTableRows(blocks: readonly Block[]): string[][] {
  const rows: string[][] = [];
  for (const b of blocks) {
    if (b.kind !== 'table' || isReportTable(b.element)) continue;
    const trs = b.element.getElementsByTagName('tr');
    // An info table has a handful of rows; a long table is data, not labels.
    if (trs.length > 20) continue;
    for (let i = 0; i < trs.length; i++) {
      const cells = Array.from(trs[i]!.children).filter((c) => /^T[DH]$/i.test(c.tagName));
      rows.push(cells.map((c) => collapse(c.textContent ?? '')));
    }
  }
  return rows;
}

function extractRange(
  allBlocks: Block[],
  range: Range,
  doc: Document | null,
  page: Map<string, string>,
  skippedFrames: number,
  options: DomExtractOptions,
  locale: Locale,
  scan?: Scan,
): ExtractResult {
  const keepElements = options.keepElements ?? true;
  const lines = scan?.lines ?? linesOf(allBlocks, range);
  const headings = scan?.headings ?? findHeadings(lines);
  const tables: Extract<Block, { kind: 'table' }>[] = [];
  for (let i = range.from; i < range.to; i++) {
    const b = allBlocks[i]!;
    if (b.kind === 'table' && isReportTable(b.element)) tables.push(b);
  }

  // Title: page metadata, else a title-like line in the range.
  const metas = metaMap(doc);
  const metaTitle = metas.get('articletitle');
  const titleLine = lines.find((l) => isTitleLike(l.text))?.text;
  const docTitle = doc?.title?.split(/[_|]/)[0]?.trim();
  const title =
    metaTitle ?? titleLine ?? (docTitle && isTitleLike(docTitle) ? docTitle : undefined);

  const sectionHeadings = headings.filter((h) => h.section !== undefined);
  if (!title && sectionHeadings.length < 2 && tables.length === 0) {
    return notFound('EXTRACT-NOT-A-REPORT', locale);
  }

  // The report's body: the smallest element holding its first heading, its tables and its last heading.
  const anchors: Element[] = tables.map((t) => t.element);
  const ownerOf = (h: Heading) => allBlocks[lines[h.lineIndex]!.owner as number]!.element;
  const first = headings.find((h) => h.section === 1) ?? headings[0];
  const last = headings[headings.length - 1];
  if (first) anchors.push(ownerOf(first));
  if (last) anchors.push(ownerOf(last));
  const body = anchors.length >= 2 ? commonAncestor(anchors) : null;
  const inBodyTree = body ? containsMany(body) : undefined;
  const inBody = (i: number) => !inBodyTree || inBodyTree(allBlocks[i]!.element);
  // Lines outside the body are dropped; the headings found on all lines keep their order.
  const keep = lines.map((l) => !body || inBody(l.owner as number));
  const bodyLines = lines.filter((_, i) => keep[i]);
  const newIndex: number[] = [];
  let n = 0;
  for (let i = 0; i < lines.length; i++) newIndex.push(keep[i] ? n++ : -1);
  const bodyHeadings = headings
    .filter((h) => keep[h.lineIndex])
    .map((h) => ({ ...h, lineIndex: newIndex[h.lineIndex]! }));
  const split = splitSections(bodyLines, bodyHeadings, (l) => isTitlePart(l.text, title));
  const sections = split.sections;
  // Without headings there is no "before 一": the page text is site chrome, not a preamble.
  const preamble = sections.length > 0 ? split.preamble : '';

  const tableText = tables.map((t) => t.element.textContent ?? '').join('\n');
  const pageLines = lines.map((l) => l.text);
  const meta = buildMeta({
    title,
    metaDate: page.get('pubdate') ?? page.get('publishdate'),
    infoTable: labelledCells(infoTableRows(allBlocks)),
    pageLines,
    url: options.url ?? page.get('url'),
    yearFromText: yearFromPeriod(preamble),
  });
  const choice = chooseFormat(tableText, meta.reportYear, options.format);
  const assembler = new TableAssembler(choice.format, locale);
  const state = newDomTableState();
  for (const t of tables)
    readDomTable(tableGrid(t.element), t.index, assembler, state, keepElements);
  finishDomTables(assembler, state);
  if (state.subtotalMismatch.length > 0) {
    assembler.diagnose('T3-EXTRA-COLUMN', {
      messageId: 'mismatch',
      params: { label: '法人或其他组织小计', rows: state.subtotalMismatch.join('、') },
    });
  } else if (state.t3Subtotal) {
    assembler.diagnose('T3-EXTRA-COLUMN', { params: { label: state.t3Subtotal.label } });
  }
  const tablesOut = assembler.finish();
  const diagnostics = [
    ...formatDiagnostics(choice, locale, assembler.foundAny, meta.reportYear),
    ...assembler.diagnostics,
  ];
  // Only a title and no tables: the report is not on this page (an attachment, an image).
  const onPage = assembler.foundAny || sections.length >= 2;
  if (!assembler.foundAny) {
    const link = attachmentLink(allBlocks, range);
    // The link's address (resolved against the page's) lets a reader that may fetch
    // (the CLI) follow it; the message names it for the others.
    const href = link ? resolveHref(link.href, options.url ?? page.get('url')) : undefined;
    diagnostics.push(
      extractionFinding(
        'EXTRACT-NO-TABLES',
        link
          ? {
              messageId: 'attachment',
              params: { attachment: link.name, ...(href ? { href } : {}) },
            }
          : {},
        locale,
      ),
    );
  }
  // Frames matter only when no report was found outside them (share widgets, ads are frames too).
  if (skippedFrames > 0 && (options.keepElements ?? true) && !assembler.foundAny) {
    diagnostics.push(
      extractionFinding('EXTRACT-IFRAME-SKIPPED', { params: { count: skippedFrames } }, locale),
    );
  }
  return buildResult({
    format: choice.format,
    meta,
    preamble,
    sections,
    tables: tablesOut,
    provenance: assembler.provenance,
    diagnostics,
    found: onPage,
  });
}

/**
 * The name of a linked .doc/.docx/.pdf/.wps that looks like the report. The
 * links of each document are listed once and kept when they sit in a text
 * block of the range (asking every block for its links was quadratic in the
 * nesting of blocks).
 */
function resolveHref(href: string, base: string | undefined): string | undefined {
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

function attachmentLink(blocks: Block[], range: Range): { name: string; href: string } | undefined {
  const owners = new Set<Element>();
  const docs = new Set<Document>();
  for (let i = range.from; i < range.to; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'text') continue;
    owners.add(b.element);
    if (b.element.ownerDocument) docs.add(b.element.ownerDocument);
  }
  const known = new Map<Element, boolean>();
  const inRange = (node: Element): boolean => {
    const path: Element[] = [];
    let el: Element | null = node;
    let answer = false;
    while (el) {
      const hit = known.get(el);
      if (hit !== undefined) {
        answer = hit;
        break;
      }
      if (owners.has(el)) {
        answer = true;
        break;
      }
      path.push(el);
      el = el.parentElement;
    }
    for (const p of path) known.set(p, answer);
    return answer;
  };
  for (const doc of docs) {
    const links = doc.getElementsByTagName('a');
    for (let k = 0; k < links.length; k++) {
      const a = links[k]!;
      const href = a.getAttribute('href') ?? '';
      const text = (a.textContent ?? '').trim();
      if (/\.(?:docx?|pdf|wps|xlsx?)(?:$|[?#])/i.test(href) || /\.(?:docx?|pdf|wps)$/i.test(text)) {
        if (/报告|年报/.test(text) && inRange(a)) return { name: text, href };
      }
    }
  }
  return undefined;
}
