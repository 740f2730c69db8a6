/**
 * Top-level headings 一、…六、 and the text between them (spec §2.2, §9.3).
 * Headings are kept *as found, in order*: duplicates and strays too (the
 * seed's second 二、下步打算 inside 五 becomes a second 二), so that
 * S-HEADING-ORDINAL-UNIQUE can see them. Table row labels that start with an
 * ordinal (一、本年新收…) and enumerations (一是…) are not headings.
 */
import { FORMATS, SECTIONS, type Section } from '@nianbao/schema';
import { looseOf } from './labels.ts';

export interface Line {
  text: string;
  /** 1-based source line, when known. */
  line?: number;
  /** Opaque owner (the block index for DOM input). */
  owner?: unknown;
  /** Offset of the line's first character in the source text (text input). */
  offset?: number;
}

export interface Heading {
  ordinal: string | null;
  heading: string;
  /** Section number 1…6 the heading stands for, when its wording says so. */
  section?: number;
  /** Index of the line where it starts, and the text after it on that line. */
  lineIndex: number;
  rest: string;
}

/** Row labels of table 三 that start like a heading (一、本年新收…) and group labels (三、本年度办理结果). */
const TABLE_LABELS: string[] = (() => {
  const set = new Set<string>();
  for (const f of Object.values(FORMATS)) {
    for (const row of f.applications.rows) {
      for (const label of [row.label.zh, ...row.groups.map((g) => g.zh)]) {
        const m = /^[一二三四五六七八九十]、(.*)$/.exec(label);
        if (m) set.add(looseOf(m[1]!));
      }
    }
  }
  return [...set];
})();

const CANONICAL = SECTIONS.map((s) => ({
  number: s.number,
  core: looseOf(s.heading.zh.replace(/^[一二三四五六七八九十]、/, '')),
  keywords: s.keywords.filter((k) => k.length >= 4 || k === '总体情况').map(looseOf),
}));

/** Index in `text` just after its first `looseLength` loose characters. */
function afterLoose(text: string, looseLength: number): number {
  let count = 0;
  let i = 0;
  const chars = [...text];
  let offset = 0;
  for (; i < chars.length && count < looseLength; i++) {
    count += looseOf(chars[i]!).length;
    offset += chars[i]!.length;
  }
  return offset;
}

/**
 * A heading starting at `start` of the line (after the ordinal and 、), or
 * undefined. `atLineStart` headings may be strays with any wording if short.
 */
function headingAt(
  line: string,
  start: number,
  atLineStart: boolean,
): { ordinal: string; heading: string; end: number; section?: number } | undefined {
  const ordinal = line[start]!;
  const rest = line.slice(start + 2);
  const restLoose = looseOf(rest.slice(0, 60));
  if (TABLE_LABELS.some((label) => restLoose.startsWith(label))) return undefined;
  for (const s of CANONICAL) {
    if (restLoose.startsWith(s.core)) {
      const end = start + 2 + afterLoose(rest, s.core.length);
      return { ordinal, heading: line.slice(start, end).trim(), end, section: s.number };
    }
  }
  const head = rest.slice(0, 30);
  const headLoose = looseOf(head);
  let best: { at: number; end: number; section: number } | undefined;
  for (const s of CANONICAL) {
    for (const k of s.keywords) {
      const at = headLoose.indexOf(k);
      if (at < 0) continue;
      if (!best || at < best.at || (at === best.at && at + k.length > best.end)) {
        best = { at, end: at + k.length, section: s.number };
      }
    }
  }
  if (best) {
    let endLoose = best.end;
    const tail = /^(?:的情况|情况|的事项|事项)/.exec(headLoose.slice(endLoose));
    if (tail) endLoose += tail[0].length;
    const end = start + 2 + afterLoose(rest, endLoose);
    // A heading is a phrase: the wording before its keyword is short and holds no sentence break.
    const heading = line.slice(start, end).trim();
    if (best.at <= 14 && !/[，,。；;：:]/.test(heading)) {
      return { ordinal, heading, end, section: best.section };
    }
  }
  // A stray heading needs the proper 、 (`一.5` or `一．` followed by anything is not one).
  if (
    atLineStart &&
    line[start + 1] === '、' &&
    line.length - start <= 30 &&
    !/[。；;]/.test(rest)
  ) {
    return { ordinal, heading: line.slice(start).trim(), end: line.length };
  }
  return undefined;
}

/** Starts a new line wherever a heading begins inside a line (crawler text puts a whole report on one line). */
export function splitAtHeadings(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    const text = l.text;
    const cuts: number[] = [];
    const re = /[\s。；;！!？?）)]\s*([一二三四五六七八九十])[、.．]/g;
    let m: RegExpExecArray | null = re.exec(text);
    while (m) {
      const start = m.index + m[0].length - 2;
      if (text.slice(0, start).trim() !== '' && headingAt(text, start, false)) cuts.push(start);
      m = re.exec(text);
    }
    if (cuts.length === 0) {
      out.push(l);
      continue;
    }
    let from = 0;
    for (const cut of [...cuts, text.length]) {
      const raw = text.slice(from, cut);
      const piece = raw.trim();
      const lead = raw.length - raw.trimStart().length;
      if (piece)
        out.push({
          ...l,
          text: piece,
          ...(l.offset !== undefined ? { offset: l.offset + from + lead } : {}),
        });
      from = cut;
    }
  }
  return out;
}

/** Finds the headings that start a line (call `splitAtHeadings` first). */
export function findHeadings(lines: Line[]): Heading[] {
  const out: Heading[] = [];
  lines.forEach((l, lineIndex) => {
    const text = l.text.trim();
    const whole = text.length <= 60 ? looseOf(text) : '';
    if (whole && whole.length <= 20 && !/^[一二三四五六七八九十][、.．]/.test(text)) {
      const s = CANONICAL.find((c) => c.core === whole);
      if (s) out.push({ ordinal: null, heading: text, section: s.number, lineIndex, rest: '' });
      return;
    }
    if (!/^[一二三四五六七八九十][、.．]/.test(text)) return;
    const found = headingAt(text, 0, true);
    if (!found) return;
    out.push({
      ordinal: found.ordinal,
      heading: found.heading,
      ...(found.section ? { section: found.section } : {}),
      lineIndex,
      rest: text.slice(found.end).trim(),
    });
  });
  return out;
}

export interface SectionsResult {
  preamble: string;
  sections: Section[];
}

/** Splits lines into the preamble and the sections, given their headings. */
export function splitSections(
  lines: Line[],
  headings: Heading[],
  skip?: (l: Line, index: number) => boolean,
): SectionsResult {
  const sections: Section[] = [];
  const pre: string[] = [];
  const byLine = new Map(headings.map((h) => [h.lineIndex, h]));
  let current: { s: Section; parts: string[] } | undefined;
  const close = () => {
    if (!current) return;
    current.s.text = current.parts.join('\n').trim();
    sections.push(current.s);
  };
  lines.forEach((l, i) => {
    const h = byLine.get(i);
    if (h) {
      close();
      current = {
        s: { ordinal: h.ordinal, heading: h.heading, text: '' },
        parts: h.rest ? [h.rest] : [],
      };
      return;
    }
    if (skip?.(l, i)) return;
    if (current) current.parts.push(l.text);
    else pre.push(l.text);
  });
  close();
  return { preamble: pre.join('\n').trim(), sections };
}
