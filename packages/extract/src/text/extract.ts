/**
 * Reads a report from plain text: what a person copies from a page or from
 * Word (tables as tab- or space-separated lines, cells blank or shifted), a
 * crawler's text (a whole report on one line, separators lost), or markdown
 * converted from a PDF. Labels are anchors: the values of a row are the
 * numbers between its label and the next label.
 */
import {
  extractionFinding,
  type Locale,
  normalizeLabel,
  type RowTemplate,
  type SubTableTemplate,
  toSimplified,
} from '@nianbao/schema';
import { chooseFormat } from '../format.ts';
import { coreOf, looseOf } from '../labels.ts';
import { buildMeta, isTitleLike, isTitlePart, yearFromPeriod } from '../meta.ts';
import { groupReadingNotes } from '../notes.ts';
import { buildResult, formatDiagnostics, notFound } from '../result.ts';
import {
  findHeadings,
  type Heading,
  type Line,
  splitAtHeadings,
  splitSections,
} from '../sections.ts';
import { appealsBalance, type SourceCell, TableAssembler } from '../tables/assemble.ts';
import { digitSplits, rowTotalHolds } from '../tables/split.ts';
import { subtotalIndex } from '../tables/subtotal.ts';
import type { ExtractOptions, ExtractResult } from '../types.ts';
import { foldValueText, isDigitRun, parseValue } from '../values.ts';

/** The text with a "loose" shadow (labels' characters only) mapped back to source offsets. */
class LooseText {
  readonly loose: string;
  /** Source ranges read as table parts (labels and values), to keep them out of the section texts. */
  readonly tableSpans: [number, number][] = [];
  private readonly map: Int32Array;
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const chars: string[] = [];
    const map = new Int32Array(text.length);
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let ch: string | undefined;
      if (code < 128) {
        if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122))
          ch = text[i];
      } else if (code >= 0xff10 && code <= 0xff19) ch = String.fromCharCode(code - 0xfee0);
      else if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a))
        ch = String.fromCharCode(code - 0xfee0);
      else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf))
        ch = toSimplified(text[i]!);
      else if (code >= 0xd800 && code <= 0xdbff) {
        i++; // astral characters are never part of a label
        continue;
      }
      if (ch) {
        chars.push(ch);
        map[n++] = i;
      }
    }
    this.loose = chars.join('').replace(/钩稽/g, '勾稽');
    this.map = map.subarray(0, n);
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++)
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** Loose index of the first loose character at or after source offset `offset`. */
  looseAt(offset: number): number {
    let lo = 0;
    let hi = this.map.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.map[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Source offset of loose index `i` (text length past the end). */
  sourceAt(i: number): number {
    return i < this.map.length ? this.map[i]! : this.text.length;
  }

  /** Source offset just after loose index `i - 1`. */
  sourceAfter(i: number): number {
    return i === 0 ? 0 : this.map[i - 1]! + 1;
  }

  find(needle: string, from: number, to: number): number {
    if (!needle) return -1;
    const at = this.loose.indexOf(needle, from);
    return at >= 0 && at + needle.length <= to ? at : -1;
  }

  lineOf(offset: number): { line: number; lineColumn: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, lineColumn: offset - this.lineStarts[lo]! + 1 };
  }
}

interface Token {
  raw: string;
  offset: number;
}

/** Value tokens of a span: numbers and blank markers, split on whitespace and table pipes. */
function valueTokens(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  const re = /[^\s|｜]+/g;
  const span = text.slice(from, to);
  let m: RegExpExecArray | null = re.exec(span);
  while (m) {
    const kind = parseValue(m[0]).kind;
    if (kind === 'number' || (kind === 'blank' && m[0].length <= 2))
      out.push({ raw: m[0], offset: from + m.index });
    else {
      // A number glued to the label that follows it (`1000001三、本年度办理结果`).
      const lead = /^[+-]?\d[\d,]*(?:\.\d+)?(?=[\p{Script=Han}（(])/u.exec(m[0]);
      if (lead && !/^[年月日号期届次]/.test(m[0].slice(lead[0].length))) {
        out.push({ raw: lead[0], offset: from + m.index });
      }
    }
    m = re.exec(span);
  }
  return out;
}

interface Anchor {
  /** Loose start and end of the label. */
  start: number;
  end: number;
}

interface RowHit extends Anchor {
  /** Where the values start, when the label is printed again later (a markdown heading, then the row). */
  valuesFrom?: number;
  row: RowTemplate;
  subTable?: SubTableTemplate;
  table: 'activeDisclosure' | 'applications';
}

function looseLabel(label: string): string {
  return looseOf(label);
}

/** Search keys of a row label: the full label, then (when distinctive) its wording without ordinal. */
function rowKeys(label: string): string[] {
  const full = looseLabel(label);
  const core = looseOf(coreOf(normalizeLabel(label)));
  const keys = [full];
  if (core !== full && core.length >= 4) keys.push(core);
  if (full === looseOf('行政规范性文件')) keys.push(looseOf('规范性文件'));
  return keys;
}

function findFirst(t: LooseText, keys: string[], from: number, to: number): Anchor | undefined {
  for (const key of keys) {
    const at = t.find(key, from, to);
    if (at >= 0) return { start: at, end: at + key.length };
  }
  return undefined;
}

interface Region {
  from: number;
  to: number;
}

export function extractFromText(text: string, options: ExtractOptions = {}): ExtractResult {
  return extractAllFromText(text, options)[0]!;
}

export function extractAllFromText(input: string, options: ExtractOptions = {}): ExtractResult[] {
  const locale: Locale = options.locale === 'en' ? 'en' : 'zh-CN';
  const text = input.replace(/\r\n?/g, '\n');
  if (!text.trim()) return [notFound('EXTRACT-EMPTY', locale)];
  const lines = toLines(text);
  const headings = findHeadings(lines);
  // Several reports: each 一 that is followed by a 二 before the next 一.
  const firsts = headings.filter((h) => h.section === 1 && h.ordinal === '一');
  const starts = firsts.filter((h, k) =>
    headings.some(
      (x) =>
        x.section === 2 &&
        x.lineIndex > h.lineIndex &&
        (!firsts[k + 1] || x.lineIndex < firsts[k + 1]!.lineIndex),
    ),
  );
  if (starts.length <= 1) return [extractOne(text, options, locale)];
  const cuts = starts.map((h, k) => {
    if (k === 0) return 0;
    let at = h.lineIndex;
    for (let i = h.lineIndex - 1; i > starts[k - 1]!.lineIndex && i >= h.lineIndex - 10; i--) {
      if (isTitleLike(lines[i]!.text)) {
        at = i;
        break;
      }
    }
    return lines[at]!.offset ?? 0;
  });
  return cuts.map((from, k) =>
    extractOne(text.slice(from, cuts[k + 1] ?? text.length), options, locale),
  );
}

function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  text.split('\n').forEach((raw, i) => {
    const stripped = raw.replace(/^\s*(?:#{1,6}\s*|[-*]\s+(?=\S))?/, '');
    const lead = raw.length - stripped.length;
    // Markdown table rules and empty cells (`|---|---|`, `|`) carry nothing.
    if (stripped.trim() && !/^[\s|:-]*$/.test(stripped)) {
      lines.push({ text: stripped.trimEnd(), line: i + 1, offset: offset + lead });
    }
    offset += raw.length + 1;
  });
  return splitAtHeadings(lines);
}

function extractOne(text: string, options: ExtractOptions, locale: Locale): ExtractResult {
  const lines = toLines(text);
  const headings = findHeadings(lines);
  const header = crawlerHeader(lines);
  const title = header.title ?? lines.slice(0, 30).find((l) => isTitleLike(l.text))?.text;
  const t = new LooseText(text);
  const hasTableWords = /申请人情况|第二十条|行政复议/.test(t.loose);
  if (!title && headings.filter((h) => h.section).length < 2 && !hasTableWords) {
    return notFound('EXTRACT-NOT-A-REPORT', locale);
  }
  const skip = (l: Line) => isTitlePart(l.text, title) || isHeaderLine(l.text);
  const { preamble } = splitSections(lines, headings, skip);
  const meta = buildMeta({
    title: title?.replace(/^#+\s*/, ''),
    pageLines: lines.slice(0, 40).map((l) => l.text),
    url: options.url ?? header.url,
    yearFromText: yearFromPeriod(preamble),
  });

  const offsetOf = (section: number) => {
    const h =
      headings.find((x) => x.section === section && x.ordinal !== null) ??
      headings.find((x) => x.section === section);
    // Tables start after the heading: `四、…行政复议、行政诉讼情况` holds table 四's first label.
    return h ? (lines[h.lineIndex]!.offset ?? 0) + h.heading.length : undefined;
  };
  const s2 = offsetOf(2);
  const s3 = offsetOf(3);
  const s4 = offsetOf(4);
  const s5 = offsetOf(5);
  const end = text.length;
  const after = (start: number | undefined, ...candidates: (number | undefined)[]) =>
    candidates
      .filter((c): c is number => c !== undefined && start !== undefined && c > start)
      .sort((a, b) => a - b)[0] ?? end;
  const regions = {
    t2: { from: t.looseAt(s2 ?? 0), to: t.looseAt(after(s2 ?? 0, s3, s4, s5)) },
    t3: { from: t.looseAt(s3 ?? s2 ?? 0), to: t.looseAt(after(s3 ?? s2 ?? 0, s4, s5)) },
    t4: { from: t.looseAt(s4 ?? s3 ?? 0), to: t.looseAt(after(s4 ?? s3 ?? 0, s5)) },
  };

  const tableText = t.text.slice(t.sourceAt(regions.t2.from), t.sourceAt(regions.t4.to));
  const choice = chooseFormat(tableText, meta.reportYear, options.format);
  const asm = new TableAssembler(choice.format, locale);
  const headingStarts = headings.map((h: Heading) => t.looseAt(lines[h.lineIndex]!.offset ?? 0));

  readT2(t, asm, regions.t2, headingStarts);
  const t3End = readT3(t, asm, regions.t3, headingStarts);
  readT4(t, asm, { from: Math.max(regions.t4.from, t3End), to: regions.t4.to });

  const tables = asm.finish();
  // Section texts without the tables (as for a DOM, where tables are not text).
  const prose = withoutTables(text, t.tableSpans, [
    [s2 ?? 0, after(s2 ?? 0, s3, s4, s5)],
    [s3 ?? s2 ?? 0, after(s3 ?? s2 ?? 0, s4, s5)],
    [s4 ?? s3 ?? 0, after(s4 ?? s3 ?? 0, s5)],
  ]);
  const proseLines = toLines(prose);
  const { sections } = splitSections(proseLines, findHeadings(proseLines), skip);
  const diagnostics = [
    ...formatDiagnostics(choice, locale, asm.foundAny, meta.reportYear),
    ...asm.diagnostics,
  ];
  if (!asm.foundAny) diagnostics.push(extractionFinding('EXTRACT-NO-TABLES', {}, locale));
  return buildResult({
    format: choice.format,
    meta,
    preamble,
    sections,
    tables,
    provenance: asm.provenance,
    diagnostics: groupReadingNotes(diagnostics, locale),
    // Only a title, no sections and no tables: the report is not in this text (as for a page).
    found: asm.foundAny || sections.length >= 2,
  });
}

/**
 * The text with each table cut out: within each table region, from the first
 * to the last character read as part of a table.
 */
function withoutTables(
  text: string,
  spans: [number, number][],
  regions: [number, number][],
): string {
  const cuts: [number, number][] = [];
  for (const [from, to] of regions) {
    const inside = spans.filter(([a, b]) => a >= from && b <= to && b > a);
    if (inside.length === 0) continue;
    cuts.push([Math.min(...inside.map((x) => x[0])), Math.max(...inside.map((x) => x[1]))]);
  }
  cuts.sort((a, b) => b[0] - a[0]);
  let out = text;
  for (const [a, b] of cuts)
    out = `${out.slice(0, a)}${out.slice(a, b).includes('\n') ? '\n' : ' '}${out.slice(b)}`;
  return out;
}

const HEADER_KEYS = /^(标题|发布时间|发布日期|文号|发布机构|栏目|原文链接|来源)\s*[:：]/;

function isHeaderLine(text: string): boolean {
  return HEADER_KEYS.test(text) || /^={3,}.*={3,}$/.test(text);
}

/** `标题: …` / `原文链接: …` lines that crawlers put first. */
function crawlerHeader(lines: Line[]): { title?: string; url?: string } {
  const out: { title?: string; url?: string } = {};
  for (const l of lines.slice(0, 12)) {
    const m = /^(标题|原文链接)\s*[:：]\s*(.+)$/.exec(l.text);
    if (m?.[1] === '标题') out.title = m[2]!.trim();
    if (m?.[1] === '原文链接') out.url = m[2]!.trim();
  }
  return out;
}

/** The source text of a label found at loose [start, end), with its brackets (`（一）`, `…情形）`). */
function labelCell(t: LooseText, anchor: Anchor): SourceCell {
  let from = t.sourceAt(anchor.start);
  let to = t.sourceAfter(anchor.end);
  while (from > 0 && /[（(“"]/.test(t.text[from - 1]!)) from--;
  while (to < t.text.length && /[）)”"]/.test(t.text[to]!)) to++;
  return { raw: t.text.slice(from, to).trim(), location: t.lineOf(from) };
}

function sourceCell(t: LooseText, from: number, to: number): SourceCell {
  const raw = t.text.slice(from, to).trim();
  return { raw, location: t.lineOf(from) };
}

function tokenCell(t: LooseText, token: Token): SourceCell {
  return { raw: token.raw, location: t.lineOf(token.offset) };
}

/** Next anchor start after `pos` among `starts` (sorted or not), else `limit`. */
function nextStart(starts: number[], pos: number, limit: number): number {
  let best = limit;
  for (const s of starts) if (s >= pos && s < best) best = s;
  return best;
}

/** Tokens of a row span, with a positional fallback for tab-separated lines whose blanks matter. */
function rowTokens(t: LooseText, from: number, to: number, expected: number): Token[] {
  const tokens = valueTokens(t.text, from, to);
  if (tokens.length === expected) return tokens;
  const span = t.text.slice(from, to);
  const firstLine = span.split('\n').find((l) => l.trim() !== '') ?? '';
  if (firstLine.includes('\t')) {
    const lineStart = from + span.indexOf(firstLine);
    const cells: Token[] = [];
    let offset = lineStart;
    for (const cell of firstLine.split('\t')) {
      cells.push({ raw: cell.trim(), offset });
      offset += cell.length + 1;
    }
    while (cells.length > 0 && cells[0]!.raw === '') cells.shift();
    while (cells.length > 0 && cells[cells.length - 1]!.raw === '') cells.pop();
    if (cells.length === expected && cells.every((c) => parseValue(c.raw).kind !== 'invalid'))
      return cells;
  }
  return tokens;
}

function readT2(t: LooseText, asm: TableAssembler, region: Region, headingStarts: number[]): void {
  const subTables = asm.template.activeDisclosure.subTables;
  const anchors: number[] = [...headingStarts];
  const rows: RowHit[] = [];
  const headerCells = new Map<string, { rowHeader: Anchor; columns: Anchor[] }>();
  let cursor = region.from;
  const captions = subTables.map((st) => ({
    st,
    at: findFirst(t, [looseOf(st.caption.zh)], region.from, region.to),
  }));
  for (const [k, { st, at }] of captions.entries()) {
    const limit = captions.slice(k + 1).find((c) => c.at)?.at?.start ?? region.to;
    if (at) {
      asm.caption(st, {
        raw: t.text.slice(t.sourceAt(at.start), t.sourceAfter(at.end)),
        location: t.lineOf(t.sourceAt(at.start)),
      });
      t.tableSpans.push([t.sourceAt(at.start), t.sourceAfter(at.end)]);
      anchors.push(at.start);
      cursor = at.end;
    }
    const info = findFirst(t, [looseOf(st.rowHeader.zh)], cursor, limit);
    if (info) {
      anchors.push(info.start);
      let c = info.end;
      const columns: Anchor[] = [];
      for (const col of st.columns) {
        const hit = findFirst(t, [looseOf(col.label.zh)], c, limit);
        if (!hit) break;
        columns.push(hit);
        anchors.push(hit.start);
        c = hit.end;
      }
      headerCells.set(st.id, { rowHeader: info, columns });
      cursor = c;
    }
    for (const row of st.rows) {
      const hit = findFirst(t, rowKeys(row.label.zh), cursor, limit);
      if (!hit) continue;
      rows.push({ ...hit, row, subTable: st, table: 'activeDisclosure' });
      anchors.push(hit.start);
      cursor = hit.end;
    }
  }
  // Headers first (their raw text ends where the next anchor starts: units and notes included).
  for (const st of subTables) {
    const h = headerCells.get(st.id);
    if (!h) continue;
    const columns = h.columns.map((col) => {
      const stop = t.sourceAt(nextStart(anchors, col.end, region.to));
      // The header runs to the next label, a cell separator or the end of the line, so that
      // notes after the label (（单位：万元，保留4位小数）) stay and markdown rules do not.
      const start = t.sourceAt(col.start);
      const rest = t.text.slice(t.sourceAfter(col.end), stop);
      const cut = rest.search(/[|｜\t\n]|\s{2,}/);
      return sourceCell(t, start, cut >= 0 ? t.sourceAfter(col.end) + cut : stop);
    });
    const rowHeader = sourceCell(t, t.sourceAt(h.rowHeader.start), t.sourceAfter(h.rowHeader.end));
    asm.t2Header(st, rowHeader, columns);
  }
  for (const hit of rows) {
    const label = labelCell(t, hit);
    const from = t.sourceAfter(hit.end);
    const to = t.sourceAt(nextStart(anchors, hit.end, region.to));
    readRow(t, asm, hit, label, from, to, undefined);
  }
}

/** Reads one row's values; returns the candidate readings when separators were lost and several remain. */
function readRow(
  t: LooseText,
  asm: TableAssembler,
  hit: RowHit,
  label: SourceCell,
  from: number,
  to: number,
  ambiguous:
    | { hit: RowHit; label: SourceCell; raw: SourceCell; candidates: number[][] }[]
    | undefined,
  subtotal?: { mismatch: string[] },
): void {
  const n = hit.row.cells.length;
  let tokens = rowTokens(t, from, to, n);
  if (hit.table === 'applications' && tokens.length === 8 && subtotal) {
    const at = subtotalIndex(tokens.map((tok) => tok.raw));
    if (at === undefined) subtotal.mismatch.push(label.raw);
    tokens = tokens.filter((_, i) => i !== (at ?? 6));
  }
  const lastToken = tokens[tokens.length - 1];
  t.tableSpans.push([
    t.sourceAt(hit.start),
    lastToken ? lastToken.offset + lastToken.raw.length : from,
  ]);
  if (tokens.length === n || tokens.length > n) {
    asm.row(
      hit.table,
      hit.row,
      label,
      tokens.map((tok) => tokenCell(t, tok)),
      hit.subTable,
    );
    return;
  }
  const runs = tokens.map((tok) => foldValueText(tok.raw));
  const raw: SourceCell = {
    raw: tokens.map((tok) => tok.raw).join(' '),
    location: tokens[0] ? t.lineOf(tokens[0].offset) : label.location,
  };
  if (tokens.length === 0 || !tokens.every((tok) => isDigitRun(tok.raw))) {
    asm.row(
      hit.table,
      hit.row,
      label,
      tokens.map((tok) => tokenCell(t, tok)),
      hit.subTable,
    );
    return;
  }
  const all = digitSplits(runs, n);
  const candidates = all?.filter((v) => hit.table !== 'applications' || rowTotalHolds(v));
  const labelText = label.raw || hit.row.label.zh;
  if (candidates && candidates.length === 1) {
    asm.diagnose('EXTRACT-SPLIT-INFERRED', {
      cells: hit.row.cells,
      params: { label: labelText, raw: raw.raw, values: candidates[0]!.join(', ') },
    });
    asm.rowFromReading(hit.table, hit.row, label, candidates[0]!, raw);
    return;
  }
  if (candidates && candidates.length > 1 && ambiguous && candidates.length <= 1000) {
    ambiguous.push({ hit, label, raw, candidates });
    return;
  }
  asm.diagnose('EXTRACT-SPLIT-AMBIGUOUS', {
    cells: hit.row.cells,
    messageId: candidates && candidates.length === 0 ? 'none' : 'default',
    params: { label: labelText, raw: raw.raw, count: n },
  });
  asm.rowUnread(hit.table, hit.row, label);
}

/** Finds the rows of table 三 in order; returns where the last one ends (loose index). */
function readT3(
  t: LooseText,
  asm: TableAssembler,
  region: Region,
  headingStarts: number[],
): number {
  const rows = asm.template.applications.rows;
  const kouji = findFirst(
    t,
    [looseOf('勾稽关系'), looseOf('第一项加第二项之和')],
    region.from,
    region.to,
  );
  if (kouji) {
    const start = t.sourceAt(kouji.start);
    const open = Math.max(t.text.lastIndexOf('（', start), t.text.lastIndexOf('(', start));
    const from = open >= 0 && start - open <= 8 ? open : start;
    const closeFull = t.text.indexOf('）', start);
    const closeHalf = t.text.indexOf(')', start);
    const close = [closeFull, closeHalf].filter((x) => x >= 0).sort((a, b) => a - b)[0];
    const to = close !== undefined && close - start < 80 ? close + 1 : t.sourceAfter(kouji.end);
    asm.kouji({ raw: t.text.slice(from, to).trim(), location: t.lineOf(from) });
    t.tableSpans.push([from, to]);
  }
  const keys = rows.map((r) => rowKeys(r.label.zh));
  const hits: RowHit[] = [];
  let cursor = kouji?.end ?? region.from;
  rows.forEach((row, i) => {
    const hit = findFirst(t, keys[i]!, cursor, region.to);
    if (!hit) return;
    // A row missing from the page must not swallow the next rows: the next
    // distinctive labels must not come before this one.
    for (let j = i + 1; j < Math.min(rows.length, i + 4); j++) {
      const full = keys[j]![0]!;
      if (full.length < 6) continue;
      const next = t.find(full, cursor, region.to);
      if (next >= 0 && next < hit.start) return;
    }
    hits.push({ ...hit, row, table: 'applications' });
    cursor = hit.end;
  });
  if (hits.length === 0) return region.from;
  asm.markFound('applications');
  // A label printed twice (a markdown heading and then the row) keeps its last copy.
  hits.forEach((hit, k) => {
    const stop = hits[k + 1]?.start ?? region.to;
    for (const key of rowKeys(hit.row.label.zh).slice(-1)) {
      if (key.length < 4) continue;
      let at = t.find(key, hit.end, stop);
      while (at >= 0) {
        hit.valuesFrom = at + key.length;
        at = t.find(key, hit.valuesFrom, stop);
      }
    }
  });
  const anchors = [...headingStarts, ...hits.map((h) => h.start)];
  const ambiguous: Parameters<typeof readRow>[6] = [];
  // The unofficial 法人或其他组织小计 column: announced in the header, before the first row.
  const headerText = t.loose.slice(kouji?.end ?? region.from, hits[0]!.start);
  const subtotal = headerText.includes('小计') ? { mismatch: [] as string[] } : undefined;
  hits.forEach((hit) => {
    const label = labelCell(t, hit);
    const from = hit.valuesFrom ?? hit.end;
    const stop = nextStart(anchors, from, region.to);
    readRow(t, asm, hit, label, t.sourceAfter(from), t.sourceAt(stop), ambiguous, subtotal);
  });
  if (ambiguous && ambiguous.length > 0) resolveByColumns(asm, ambiguous);
  if (subtotal) {
    asm.diagnose(
      'T3-EXTRA-COLUMN',
      subtotal.mismatch.length > 0
        ? {
            messageId: 'mismatch',
            params: { label: '法人或其他组织小计', rows: subtotal.mismatch.join('、') },
          }
        : { params: { label: '法人或其他组织小计' } },
    );
  }
  const last = hits[hits.length - 1]!;
  return last.valuesFrom ?? last.end;
}

/**
 * Rows with several readings: keep the combination that satisfies the
 * column equations of table 三 (T3-COL-BALANCE, T3-RESULTS-SUM), when all
 * satisfying combinations agree on a row.
 */
function resolveByColumns(
  asm: TableAssembler,
  ambiguous: NonNullable<Parameters<typeof readRow>[6]>,
): void {
  const rows = asm.template.applications.rows;
  const known = new Map<string, number[]>();
  for (const row of rows) {
    const values = row.cells.map((p) => (asm.provenance.cells[p] ? cellNumber(asm, p) : undefined));
    if (values.every((v) => v !== undefined)) known.set(row.path, values as number[]);
  }
  const total = ambiguous.reduce((p, a) => p * a.candidates.length, 1);
  const agreeing: (number[] | null)[] = ambiguous.map(() => null);
  const seen: Set<string>[] = ambiguous.map(() => new Set());
  let satisfied = 0;
  if (total <= 50_000) {
    const pick = ambiguous.map(() => 0);
    for (let n = 0; n < total; n++) {
      let rest = n;
      ambiguous.forEach((a, i) => {
        pick[i] = rest % a.candidates.length;
        rest = Math.floor(rest / a.candidates.length);
      });
      const values = new Map(known);
      for (const [i, a] of ambiguous.entries()) values.set(a.hit.row.path, a.candidates[pick[i]!]!);
      if (columnsHold(rows, values)) {
        satisfied++;
        ambiguous.forEach((a, i) => {
          const v = a.candidates[pick[i]!]!;
          seen[i]!.add(v.join(','));
          agreeing[i] = v;
        });
      }
    }
  }
  ambiguous.forEach((a, i) => {
    const labelText = a.label.raw || a.hit.row.label.zh;
    if (satisfied > 0 && seen[i]!.size === 1) {
      asm.diagnose('EXTRACT-SPLIT-INFERRED', {
        cells: a.hit.row.cells,
        params: { label: labelText, raw: a.raw.raw, values: agreeing[i]!.join(', ') },
      });
      asm.rowFromReading('applications', a.hit.row, a.label, agreeing[i]!, a.raw);
    } else {
      asm.diagnose('EXTRACT-SPLIT-AMBIGUOUS', {
        cells: a.hit.row.cells,
        messageId: satisfied === 0 && total <= 50_000 ? 'none' : 'default',
        params: { label: labelText, raw: a.raw.raw, count: 7 },
      });
      asm.rowUnread('applications', a.hit.row, a.label);
    }
  });
}

function cellNumber(asm: TableAssembler, path: string): number {
  const raw = asm.provenance.cells[path]?.raw ?? '';
  const p = parseValue(raw);
  return p.kind === 'number' ? p.value : 0;
}

function columnsHold(rows: RowTemplate[], values: Map<string, number[]>): boolean {
  const get = (suffix: string) => rows.find((r) => r.path.endsWith(suffix));
  const newReceived = values.get(get('.newReceived')!.path);
  const carriedOver = values.get(get('.carriedOver')!.path);
  const total = values.get(get('results.total')!.path);
  const carriedForward = values.get(get('.carriedForward')!.path);
  const results = rows.filter(
    (r) => r.path.includes('.results.') && !r.path.endsWith('results.total'),
  );
  for (let c = 0; c < 7; c++) {
    if (newReceived && carriedOver && total && carriedForward) {
      if (newReceived[c]! + carriedOver[c]! !== total[c]! + carriedForward[c]!) return false;
    }
    if (total && results.every((r) => values.has(r.path))) {
      const sum = results.reduce((s, r) => s + values.get(r.path)![c]!, 0);
      if (sum !== total[c]) return false;
    }
  }
  return true;
}

function readT4(t: LooseText, asm: TableAssembler, region: Region): void {
  if (region.to <= region.from) return;
  const header = findFirst(t, [looseOf('行政复议'), looseOf('结果维持')], region.from, region.to);
  if (!header) return;
  const from = t.sourceAt(header.start);
  const to = t.sourceAt(region.to);
  const tokens = valueTokens(t.text, from, to);
  const lastToken = tokens[tokens.length - 1];
  t.tableSpans.push([
    from,
    lastToken ? lastToken.offset + lastToken.raw.length : t.sourceAfter(header.end),
  ]);
  if (tokens.length === 0) {
    asm.markFound('appeals');
    asm.diagnose('T4-SHAPE', {
      cells: asm.template.appeals.rows.flatMap((r) => r.cells),
      params: { actual: 0, raw: '' },
    });
    asm.provenance.unread!.push(...asm.template.appeals.rows.flatMap((r) => r.cells));
    return;
  }
  if (tokens.length < 15 && tokens.every((tok) => isDigitRun(tok.raw))) {
    const all = digitSplits(
      tokens.map((tok) => foldValueText(tok.raw)),
      15,
    );
    const ok = all?.filter((v) => appealsBalance(v));
    if (ok && ok.length === 1) {
      asm.appealsFromReading(ok[0]!, tokenCell(t, tokens[0]!));
      asm.diagnose('EXTRACT-SPLIT-INFERRED', {
        cells: asm.template.appeals.rows.flatMap((r) => r.cells),
        params: {
          label: asm.template.appeals.title.zh,
          raw: tokens.map((x) => x.raw).join(' '),
          values: ok[0]!.join(', '),
        },
      });
      return;
    }
  }
  asm.appeals(tokens.map((tok) => tokenCell(t, tok)));
}
