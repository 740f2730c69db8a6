/**
 * Positioned text of a PDF → an HTML document the DOM reader reads like any
 * page: prose lines become `<p>` paragraphs, tables become `<table>`s with one
 * `<tr>` per row band and one `<td>` per column, rebuilt from coordinates
 * alone (no drawn lines needed). Pure: no pdf.js here, so it is tested on
 * synthetic items as well as on real PDFs.
 *
 * - Row bands are the lines that carry values; a label wrapped over several
 *   lines joins the band nearest to it (cells are centred vertically), and
 *   group labels (（三）不予公开 spread over eight rows) become an extra label
 *   cell left of the row's own label, which the DOM reader skips.
 * - Columns come from the header row above a block when it names as many
 *   columns as any row holds values, else from the overlap of the values' x
 *   ranges over the block, so a blank cell keeps its place.
 * - Running headers, footers and page numbers (`- 3 -`, `第3页`, `3/5`) are
 *   dropped; a table that goes on over a page break goes on as another
 *   `<table>` (the DOM reader shares its state between tables).
 */
import { parseValue } from '../values.ts';

/** One text item, in page space with y growing downwards (points). */
export interface PdfItem {
  str: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Font size (the item's height in points). */
  size: number;
}

export interface PdfPage {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  items: PdfItem[];
}

/** Where a `<td>` of the generated HTML was printed. */
export interface PdfPlace {
  page: number;
  /** [x0, top, x1, bottom] in points, origin at the page's top left. */
  box: [number, number, number, number];
}

export interface PdfHtml {
  html: string;
  /** Source line of each `<td>` in `html` → where its text was printed. */
  places: Map<number, PdfPlace>;
  /** Characters of text kept (page furniture dropped). */
  chars: number;
}

const COMPAT = /[\u2f00-\u2fdf\uf900-\ufaff\uff10-\uff19\u3000\u00a0]/gu;

/**
 * What PDF text layers emit, made plain: Kangxi radicals and CJK compatibility
 * ideographs (⽇ ⼀ → 日 一), full-width digits and ideographic spaces (NFKC
 * of those characters only: full-width brackets stay, they are the labels').
 */
export function normalizePdfText(text: string): string {
  return text
    .replace(COMPAT, (c) => c.normalize('NFKC'))
    .replace(RADICALS, (c) => RADICAL_CHARS[c] ?? c);
}

/**
 * CJK Radicals Supplement characters that fonts share with a whole character
 * and that PDF text layers then emit (人⺠ for 人民, 首⻚ for 首页): NFKC leaves
 * them alone, so they are mapped here.
 */
const RADICAL_CHARS: Record<string, string> = Object.fromEntries(
  [
    ...'⺁厂⺇几⺌小⺜日⺝月⺟母⺠民⺩王⺧牛⺮竹⺬示⺶羊⻁虎⻄西⻅见⻆角⻉贝⻊足⻋车⻑長⻓长⻔门⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻬齐⻮齿⻰龙⻳龟',
  ].flatMap((c, i, all) => (i % 2 === 0 ? [[c, all[i + 1]!]] : [])),
);
const RADICALS = /[\u2e80-\u2eff]/gu;

interface Segment {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
  value: boolean;
}

interface Line {
  page: PdfPage;
  top: number;
  bottom: number;
  size: number;
  segments: Segment[];
  /** Index of the first value segment after the labels (segments.length when none). */
  valueAt: number;
  kind: 'row' | 'prose' | 'cell';
}

const center = (s: { top: number; bottom: number }) => (s.top + s.bottom) / 2;

const PAGE_NUMBER =
  /^(?:[-—–－‐]\s*\d{1,4}\s*[-—–－‐]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4}|\d{1,4}|[-—–－‐]?\s*\d{1,4}\s*[-—–－‐]?)$/;

const SECTION_HEADING =
  /^[一二三四五六七八九十]+[、.．]\s*(?:总体情况|主动公开|收到和处理|政府信息公开行政复议|存在的主要问题|其他需要报告)/;

/** A row label's leading ordinal: 1. （一） 一、 */
const ORDINAL_START =
  /^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)/;

const isValueText = (text: string) => text.length <= 24 && parseValue(text).kind !== 'invalid';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const isWide = (c: string) =>
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
    c,
  );

/**
 * pdf.js joins text runs of one baseline into one item with a space between
 * (`商业企业 科研机构 社会公益组织`: cells of a header row). An item whose
 * spaces stand for gaps wider than most of an em is split back into its
 * pieces, their positions estimated from the glyphs (CJK glyphs are one em).
 */
export function splitItem<T extends PdfItem>(item: T, minGap = 0.8): T[] {
  if (!/\S\s+\S/.test(item.str)) return [item];
  const tokens = item.str.trim().split(/\s+/);
  const widthOf = (t: string) => [...t].reduce((w, c) => w + (isWide(c) ? 1 : 0.55), 0) * item.size;
  const widths = tokens.map(widthOf);
  const gap = (item.x1 - item.x0 - widths.reduce((a, b) => a + b, 0)) / (tokens.length - 1);
  if (gap < minGap * item.size) return [item];
  const out: T[] = [];
  let x = item.x0;
  tokens.forEach((str, i) => {
    out.push({ ...item, str, x0: x, x1: x + widths[i]! });
    x += widths[i]! + gap;
  });
  return out;
}

/** A header segment whose spaces stand for cell borders → its words. */
function splitHeader(s: Segment): Segment[] {
  return splitItem({ ...s, str: s.text }, 0.25).map(({ str, ...rest }) => ({ ...rest, text: str }));
}

/** Items of one line → segments: items closer than ~half an em belong together. */
function segmentsOf(items: PdfItem[]): Segment[] {
  const sorted = [...items].sort((a, b) => a.x0 - b.x0);
  const out: Segment[] = [];
  let cur: Segment | undefined;
  for (const it of sorted) {
    const gap = cur ? it.x0 - cur.x1 : Number.POSITIVE_INFINITY;
    if (cur && gap < 0.4 * Math.max(it.size, cur.size)) {
      const space = gap > 0.2 * it.size && /[\w.]$/.test(cur.text) && /^[\w]/.test(it.str);
      cur.text += (space ? ' ' : '') + it.str;
      cur.x1 = Math.max(cur.x1, it.x1);
      cur.top = Math.min(cur.top, it.top);
      cur.bottom = Math.max(cur.bottom, it.bottom);
      cur.size = Math.max(cur.size, it.size);
    } else {
      cur = {
        text: it.str,
        x0: it.x0,
        x1: it.x1,
        top: it.top,
        bottom: it.bottom,
        size: it.size,
        value: false,
      };
      out.push(cur);
    }
  }
  for (const s of out) {
    s.text = s.text.trim();
    s.value = isValueText(s.text);
  }
  return out.filter((s) => s.text !== '');
}

/**
 * A value printed against the page's edge may have been cut there (a table
 * wider than the page: LibreOffice writes only the glyphs inside it). It is
 * marked, so the reader reports it unreadable instead of reading `1` for `169`.
 */
function markClipped(segments: Segment[], width: number): Segment[] {
  for (const s of segments) {
    if (s.value && s.x1 >= width - 2) {
      s.text = `${s.text}…`;
    }
  }
  return segments;
}

/** Items → lines (same vertical centre within half the smaller font size), top to bottom. */
function linesOf(page: PdfPage): Line[] {
  const items = page.items
    .filter((i) => i.str.trim() !== '' && i.x1 >= i.x0)
    .sort((a, b) => center(a) - center(b) || a.x0 - b.x0);
  const groups: PdfItem[][] = [];
  let cur: PdfItem[] = [];
  let curCenter = 0;
  let curSize = 0;
  for (const it of items) {
    if (cur.length > 0 && Math.abs(center(it) - curCenter) <= 0.45 * Math.min(it.size, curSize)) {
      cur.push(it);
      curCenter = (curCenter * (cur.length - 1) + center(it)) / cur.length;
      curSize = Math.min(curSize, it.size);
    } else {
      cur = [it];
      curCenter = center(it);
      curSize = it.size;
      groups.push(cur);
    }
  }
  return groups.map((g) => {
    const segments = markClipped(segmentsOf(g), page.width);
    let valueAt = segments.length;
    while (valueAt > 0 && segments[valueAt - 1]!.value) valueAt--;
    return {
      page,
      top: Math.min(...g.map((i) => i.top)),
      bottom: Math.max(...g.map((i) => i.bottom)),
      size: Math.max(...g.map((i) => i.size)),
      segments,
      valueAt,
      kind: 'cell' as Line['kind'],
    };
  });
}

const lineText = (l: Line) => l.segments.map((s) => s.text).join(' ');
const digitless = (t: string) => t.replace(/\d+/g, '#').replace(/\s+/g, '');

/** Drops page numbers and lines repeated in the top or bottom margin of several pages. */
function dropFurniture(pages: Line[][]): Line[][] {
  const margin = (l: Line) => l.top < l.page.height * 0.08 || l.bottom > l.page.height * 0.92;
  const seen = new Map<string, Set<number>>();
  for (const lines of pages) {
    for (const l of lines) {
      if (!margin(l)) continue;
      const key = digitless(lineText(l));
      const set = seen.get(key) ?? new Set<number>();
      set.add(l.page.number);
      seen.set(key, set);
    }
  }
  const repeated = (l: Line) =>
    pages.length > 1 && (seen.get(digitless(lineText(l)))?.size ?? 0) >= 2;
  return pages.map((lines) =>
    lines.filter(
      (l) => !(margin(l) && (PAGE_NUMBER.test(lineText(l).replace(/\s+/g, ' ')) || repeated(l))),
    ),
  );
}

/** The most common font size of prose (weighted by characters). */
function bodySize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines)
    for (const s of l.segments) {
      const k = Math.round(s.size);
      weight.set(k, (weight.get(k) ?? 0) + s.text.length);
    }
  let best = 12;
  let max = -1;
  for (const [k, w] of weight) if (w > max) [best, max] = [k, w];
  return best;
}

function classify(lines: Line[], textWidth: number, body: number): void {
  for (const l of lines) {
    const text = lineText(l);
    const hasValues = l.valueAt < l.segments.length;
    const first = l.segments[0]!;
    if (hasValues && (l.segments.length >= 2 || first.x1 - first.x0 < textWidth * 0.3)) {
      l.kind = 'row';
    } else if (!hasValues && l.segments.length === 1 && SECTION_HEADING.test(text)) {
      l.kind = 'prose';
    } else if (
      !hasValues &&
      l.segments.length === 1 &&
      first.x1 - first.x0 >= textWidth * 0.5 &&
      l.size >= body * 0.85
    ) {
      l.kind = 'prose';
    } else if (!hasValues && l.segments.length === 1 && l.size >= body * 0.85) {
      // A short line at body size: prose unless it sits inside a table (decided by the runs).
      l.kind = 'cell';
    } else {
      l.kind = 'cell';
    }
  }
}

/** One `<tr>` to be: its label segments and value cells. */
interface Row {
  y: number;
  labels: Segment[];
  values: (Segment | undefined)[];
  page: PdfPage;
}

class HtmlOut {
  private readonly parts: string[] = [];
  private line = 1;
  readonly places = new Map<number, PdfPlace>();
  chars = 0;

  push(text: string): void {
    this.parts.push(text, '\n');
    this.line++;
  }

  cell(segments: Segment[], page: PdfPage): void {
    const ordered = [...segments].sort((a, b) => a.top - b.top || a.x0 - b.x0);
    const text = ordered.map((s) => s.text).join('');
    this.chars += text.length;
    if (segments.length > 0) {
      const box: PdfPlace['box'] = [
        round(Math.min(...segments.map((s) => s.x0))),
        round(Math.min(...segments.map((s) => s.top))),
        round(Math.max(...segments.map((s) => s.x1))),
        round(Math.max(...segments.map((s) => s.bottom))),
      ];
      this.places.set(this.line, { page: page.number, box });
    }
    this.push(`<td>${escapeHtml(text)}</td>`);
  }

  paragraph(text: string): void {
    this.chars += text.length;
    this.push(`<p>${escapeHtml(text)}</p>`);
  }

  html(): string {
    return this.parts.join('');
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Groups segments into cells: segments whose x ranges overlap are one (wrapped) cell. */
function cellsOf(segments: Segment[]): Segment[][] {
  const sorted = [...segments].sort((a, b) => a.x0 - b.x0);
  const cells: { x0: number; x1: number; segs: Segment[] }[] = [];
  for (const s of sorted) {
    const hit = cells.find((c) => s.x0 < c.x1 - 0.5 && s.x1 > c.x0 + 0.5);
    if (hit) {
      hit.segs.push(s);
      hit.x0 = Math.min(hit.x0, s.x0);
      hit.x1 = Math.max(hit.x1, s.x1);
    } else cells.push({ x0: s.x0, x1: s.x1, segs: [s] });
  }
  return cells.sort((a, b) => a.x0 - b.x0).map((c) => c.segs);
}

/**
 * Column ranges of a block: the values' x ranges merged where they overlap,
 * plus header words over no value (a column blank on every row). Header words
 * over several columns (法人或其他组织) span them and add none.
 */
function columnsOf(rows: Line[], header: Segment[]): { x0: number; x1: number }[] {
  const spans = rows
    .flatMap((r) => r.segments.slice(r.valueAt))
    .map((s) => ({ x0: s.x0, x1: s.x1, size: s.size }))
    .sort((a, b) => a.x0 - b.x0);
  const cols: { x0: number; x1: number }[] = [];
  for (const s of spans) {
    const last = cols[cols.length - 1];
    if (last && s.x0 <= last.x1 + 0.3 * s.size) last.x1 = Math.max(last.x1, s.x1);
    else cols.push({ x0: s.x0, x1: s.x1 });
  }
  const extra: { x0: number; x1: number }[] = [];
  // Only the lowest header words name columns (申请人情况 and 法人或其他组织 sit over others).
  const lowest = header.filter(
    (h) => !header.some((o) => o !== h && center(o) > center(h) + 1 && o.x0 < h.x1 && o.x1 > h.x0),
  );
  for (const h of [...lowest].sort((a, b) => a.x1 - a.x0 - (b.x1 - b.x0))) {
    const over = cols.filter((c) => h.x0 < c.x1 + 1 && h.x1 > c.x0 - 1).length;
    const overExtra = extra.some((c) => h.x0 < c.x1 && h.x1 > c.x0);
    if (over === 0 && !overExtra) extra.push({ x0: h.x0, x1: h.x1 });
  }
  // Extra columns only between or beside value columns, never overlapping a spanning word's neighbours.
  return [...cols, ...extra].sort((a, b) => a.x0 - b.x0);
}

function columnIndex(cols: { x0: number; x1: number }[], s: Segment): number {
  let best = -1;
  let bestDist = Number.POSITIVE_INFINITY;
  const c = (s.x0 + s.x1) / 2;
  cols.forEach((col, i) => {
    const d = c < col.x0 ? col.x0 - c : c > col.x1 ? c - col.x1 : 0;
    if (d < bestDist) [best, bestDist] = [i, d];
  });
  return best;
}

/** Header segments above a block's first row → a row of spanning headers and a row per column. */
function emitHeader(
  segs: Segment[],
  cols: { x0: number; x1: number }[],
  firstValueX: number,
  page: PdfPage,
  out: HtmlOut,
): void {
  if (segs.length === 0) return;
  const centers = cols.map((c) => (c.x0 + c.x1) / 2);
  const zone = (i: number) => ({
    x0: i === 0 ? Number.NEGATIVE_INFINITY : (centers[i - 1]! + centers[i]!) / 2,
    x1: i === centers.length - 1 ? Number.POSITIVE_INFINITY : (centers[i]! + centers[i + 1]!) / 2,
  });
  const label: Segment[] = [];
  const spanning: Segment[] = [];
  const perColumn: Segment[][] = cols.map(() => []);
  for (const s of segs) {
    if (s.x1 <= firstValueX + 1 || cols.length === 0) {
      label.push(s);
      continue;
    }
    const zones = centers.map((_, i) => zone(i)).filter((z) => s.x0 < z.x1 - 1 && s.x1 > z.x0 + 1);
    if (zones.length !== 1) spanning.push(s);
    else perColumn[centers.findIndex((_, i) => zone(i).x0 === zones[0]!.x0)]!.push(s);
  }
  const columns = perColumn.some((c) => c.length > 0);
  if (spanning.length === 0) {
    // One header row: 信息内容 | 本年新制作数量 | … (the DOM reader wants them together).
    out.push('<tr>');
    out.cell(label, page);
    if (columns) for (const c of perColumn) out.cell(c, page);
    out.push('</tr>');
    return;
  }
  out.push('<tr>');
  out.cell(label, page);
  for (const s of spanning.sort((a, b) => a.x0 - b.x0)) out.cell([s], page);
  out.push('</tr>');
  if (columns) {
    out.push('<tr>');
    out.cell([], page);
    for (const c of perColumn) out.cell(c, page);
    out.push('</tr>');
  }
}

/** One table run (lines of one page) → `<tr>` rows of the open `<table>`. */
function emitTable(lines: Line[], out: HtmlOut): void {
  // Pieces: a header line (several segments, no values) after rows starts a new piece with its own columns.
  const pieces: { head: Line[]; lines: Line[] }[] = [];
  let piece: { head: Line[]; lines: Line[] } = { head: [], lines: [] };
  for (const l of lines) {
    const headerLike = l.kind !== 'row' && l.segments.length >= 2;
    if (headerLike) {
      if (piece.lines.some((x) => x.kind === 'row')) {
        pieces.push(piece);
        piece = { head: [], lines: [] };
      }
      piece.head.push(l);
    } else piece.lines.push(l);
  }
  pieces.push(piece);

  for (const p of pieces) {
    const rowLines = p.lines.filter((l) => l.kind === 'row');
    if (rowLines.length === 0) {
      // Headers and captions with no values under them (a table's head at the foot of a page).
      for (const l of [...p.head, ...p.lines].sort((a, b) => a.top - b.top)) emitPlain(l, out);
      continue;
    }
    const firstValueX = Math.min(
      ...rowLines.flatMap((r) => r.segments.slice(r.valueAt).map((s) => s.x0)),
    );
    const firstRowY = Math.min(...rowLines.map(center));
    const inValueArea = (s: Segment) => s.x1 > firstValueX + 1;
    // Header words: the head lines' and those above the first row, over the values.
    // Header cells of one baseline come as one item with spaces (商业企业 科研机构 …): split back.
    const headWords = [
      ...p.head.flatMap((l) => l.segments),
      ...p.lines.filter((l) => l.kind !== 'row').flatMap((l) => l.segments),
    ]
      .filter((s) => inValueArea(s) && center(s) < firstRowY)
      .flatMap(splitHeader);
    const cols = columnsOf(rowLines, headWords);
    const rows: Row[] = rowLines.map((l) => {
      const values: (Segment | undefined)[] = cols.map(() => undefined);
      for (const s of l.segments.slice(l.valueAt)) {
        const i = columnIndex(cols, s);
        if (i >= 0 && !values[i]) values[i] = s;
      }
      return { y: center(l), labels: l.segments.slice(0, l.valueAt), values, page: l.page };
    });
    const own = new Map(rows.map((r) => [r, [...r.labels]]));
    const header: Segment[] = p.head.flatMap((l) => l.segments).flatMap(splitHeader);
    const loose: { y: number; seg: Segment }[] = [];
    const others = p.lines
      .filter((l) => l.kind !== 'row')
      .flatMap((l) => l.segments.map((s) => ({ s, size: Math.max(s.size, l.size) })))
      .sort((a, b) => center(a.s) - center(b.s));
    for (const { s, size } of others) {
      const y = center(s);
      let best: Row | undefined;
      let dist = Number.POSITIVE_INFINITY;
      for (const r of rows) {
        const d = Math.abs(r.y - y);
        if (d < dist) [best, dist] = [r, d];
      }
      const isLabel = !inValueArea(s);
      if (best && isLabel && dist <= 2.6 * size) {
        // A row label of its own on another line, under the band's own label: a row with no values.
        const mine = own.get(best) ?? [];
        const blankRow =
          ORDINAL_START.test(s.text) &&
          dist > 0.6 * size &&
          mine.some((m) => ORDINAL_START.test(m.text) && s.x0 < m.x1 && s.x1 > m.x0);
        if (blankRow) {
          const row: Row = { y, labels: [s], values: cols.map(() => undefined), page: best.page };
          rows.push(row);
          own.set(row, [s]);
        } else best.labels.push(s);
      } else if (y < firstRowY && (!isLabel || header.length > 0 || p.head.length > 0)) {
        // Above the first band: header material (the 勾稽 statement, stacked header words).
        header.push(...splitHeader(s));
      } else if (isLabel) loose.push({ y, seg: s });
      // Words inside the value area below the head are neither labels nor values: left out.
    }
    // Loose label lines (captions, notes): wrapped ones joined.
    const standalone: { y: number; segs: Segment[] }[] = [];
    for (const { y, seg } of loose.sort((a, b) => a.y - b.y)) {
      const prev = standalone[standalone.length - 1];
      const between = prev && rows.some((r) => r.y > prev.y && r.y < y);
      if (
        prev &&
        !between &&
        y - prev.y <= 1.8 * seg.size &&
        prev.segs.some((s) => seg.x0 < s.x1 && seg.x1 > s.x0)
      ) {
        prev.segs.push(seg);
        prev.y = y;
      } else standalone.push({ y, segs: [seg] });
    }
    const page = lines[0]!.page;
    emitHeader(header, cols, firstValueX, page, out);
    const all: ({ kind: 'row'; row: Row } | { kind: 'loose'; y: number; segs: Segment[] })[] = [
      ...rows.map((row) => ({ kind: 'row' as const, row })),
      ...standalone.map((s) => ({ kind: 'loose' as const, y: s.y, segs: s.segs })),
    ];
    all.sort((a, b) => (a.kind === 'row' ? a.row.y : a.y) - (b.kind === 'row' ? b.row.y : b.y));
    for (const r of all) {
      out.push('<tr>');
      if (r.kind === 'loose') {
        out.cell(r.segs, page);
      } else {
        for (const c of cellsOf(r.row.labels)) out.cell(c, page);
        for (const v of r.row.values) out.cell(v ? [v] : [], page);
      }
      out.push('</tr>');
    }
  }
}

function emitPlain(l: Line, out: HtmlOut): void {
  out.push('<tr>');
  for (const s of l.segments) out.cell([s], l.page);
  out.push('</tr>');
}

/** Prose lines → paragraphs: a line continues the paragraph when the previous one ran to the right edge. */
function emitProse(lines: Line[], out: HtmlOut, left: number, right: number, body = 12): void {
  let para = '';
  let prev: Line | undefined;
  const flush = () => {
    if (para.trim()) out.paragraph(para.trim());
    para = '';
  };
  for (const l of lines) {
    const text = l.segments.map((s) => s.text).join(' ');
    const x0 = l.segments[0]!.x0;
    const prevX1 = prev ? prev.segments[prev.segments.length - 1]!.x1 : 0;
    // A title set large over two or three lines is one title.
    const titleGoesOn =
      prev !== undefined &&
      prev.page === l.page &&
      l.size >= body * 1.2 &&
      Math.abs(l.size - prev.size) < 0.5 &&
      l.top - prev.bottom < 1.5 * l.size;
    const continues =
      titleGoesOn ||
      (prev !== undefined &&
        prev.page === l.page &&
        prevX1 >= right - 1.5 * l.size &&
        x0 <= left + 0.6 * l.size &&
        !SECTION_HEADING.test(text) &&
        l.top - prev.bottom < 1.5 * l.size);
    if (!continues) flush();
    para += text;
    prev = l;
  }
  flush();
}

/** The pages of a PDF → one HTML document (title from the PDF's properties, if any). */
export function pagesToHtml(pages: PdfPage[], options: { title?: string } = {}): PdfHtml {
  const out = new HtmlOut();
  out.push('<!doctype html><html><head><meta charset="utf-8">');
  if (options.title) out.push(`<title>${escapeHtml(normalizePdfText(options.title))}</title>`);
  out.push('</head><body>');
  const normalized = pages.map((p) => ({
    ...p,
    items: p.items.flatMap((i) => splitItem({ ...i, str: normalizePdfText(i.str) })),
  }));
  const perPage = dropFurniture(normalized.map(linesOf));
  const body = bodySize(perPage.flat());
  // A table still open at the foot of a page goes on at the head of the next.
  let open = false;
  const openTable = () => {
    if (!open) out.push('<table>');
    open = true;
  };
  const closeTable = () => {
    if (open) out.push('</table>');
    open = false;
  };
  for (const lines of perPage) {
    if (lines.length === 0) continue;
    const left = Math.min(...lines.map((l) => l.segments[0]!.x0));
    const right = Math.max(...lines.map((l) => l.segments[l.segments.length - 1]!.x1));
    classify(lines, right - left, body);
    let pending: Line[] = [];
    const flushProse = () => {
      if (pending.length > 0) emitProse(pending, out, left, right, body);
      pending = [];
    };
    // Runs of non-prose lines; a run holding rows is a table.
    let i = 0;
    while (i < lines.length) {
      if (lines[i]!.kind === 'prose') {
        let j = i;
        while (j < lines.length && lines[j]!.kind === 'prose') j++;
        closeTable();
        pending.push(...lines.slice(i, j));
        i = j;
        continue;
      }
      let j = i + 1;
      while (
        j < lines.length &&
        lines[j]!.kind !== 'prose' &&
        lines[j]!.top - lines[j - 1]!.bottom < 3 * lines[j]!.size
      )
        j++;
      const run = lines.slice(i, j);
      const lastRow = run.map((l) => l.kind).lastIndexOf('row');
      if (lastRow < 0) {
        closeTable();
        pending.push(...run);
      } else {
        // Lines after the last row stay in the table only when they are its wrapped labels.
        let end = lastRow + 1;
        while (
          end < run.length &&
          run[end]!.segments.length === 1 &&
          run[end]!.top - run[end - 1]!.bottom < 1.2 * run[end]!.size
        )
          end++;
        // A new table unless this run continues the last one over a page break.
        if (!(open && i === 0)) closeTable();
        flushProse();
        openTable();
        emitTable(run.slice(0, end), out);
        if (end < run.length) {
          closeTable();
          pending.push(...run.slice(end));
        }
      }
      i = j;
    }
    flushProse();
  }
  closeTable();
  out.push('</body></html>');
  return { html: out.html(), places: out.places, chars: out.chars };
}
