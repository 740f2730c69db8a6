/**
 * Sub-heading numbering inside a section (spec §6.1 S-SUBHEADING-SEQUENCE):
 * `（一）（二）…`, `一是 二是 …` and `1. 2. …`. Each level is numbered within
 * the item of the level above it, and a list may restart at its first ordinal.
 */

export type SubLevel = 'paren' | 'shi' | 'arabic';

export interface SequenceIssue {
  level: SubLevel;
  /** The ordinal as written where the sequence breaks, e.g. `（六）`. */
  found: string;
  /** The ordinal that was expected there, e.g. `（五）`. */
  expected: string;
  /** The ordinal before it, when there was one. */
  previous?: string;
}

import { memoByString } from './memo.ts';

const DIGITS = '一二三四五六七八九';

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20; undefined when not a Chinese numeral below 100. */
export function chineseNumber(text: string): number | undefined {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return undefined;
  const [, a, ten, b] = m;
  if (!ten) return a && !b ? DIGITS.indexOf(a) + 1 : undefined;
  return (a ? DIGITS.indexOf(a) + 1 : 1) * 10 + (b ? DIGITS.indexOf(b) + 1 : 0);
}

export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n - 1] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens - 1]}十${ones ? DIGITS[ones - 1] : ''}`;
}

const render: Record<SubLevel, (n: number) => string> = {
  paren: (n) => `（${chineseNumeral(n)}）`,
  shi: (n) => `${chineseNumeral(n)}是`,
  arabic: (n) => `${n}.`,
};

// An ordinal counts only at the start of a line or after a sentence break, so
// that `第二十条第（一）项`, `统一是` or `2.5亿` are not taken for headings.
const BEFORE = String.raw`(?:^|(?<=[\n。；;：:！!？?\s#*\-—]))`;
const MARKERS = new RegExp(
  [
    `${BEFORE}[（(]([一二三四五六七八九十]{1,3})[）)]`,
    `${BEFORE}([一二三四五六七八九十]{1,3})是(?![否的])`,
    `${BEFORE}(\\d{1,2})[.、．](?![\\d.．])`,
  ].join('|'),
  'g',
);

interface Marker {
  level: SubLevel;
  value: number;
  raw: string;
}

function markers(text: string): Marker[] {
  const out: Marker[] = [];
  // Lines holding tab-separated cells are table rows, not prose.
  const prose = text
    .split('\n')
    .filter((line) => !line.includes('\t'))
    .join('\n');
  for (const m of prose.matchAll(MARKERS)) {
    if (m[1] !== undefined) {
      const value = chineseNumber(m[1]);
      if (value !== undefined) out.push({ level: 'paren', value, raw: m[0].trim() });
    } else if (m[2] !== undefined) {
      const value = chineseNumber(m[2]);
      if (value !== undefined) out.push({ level: 'shi', value, raw: m[0].trim() });
    } else if (m[3] !== undefined) {
      out.push({ level: 'arabic', value: Number(m[3]), raw: m[0].trim() });
    }
  }
  return out;
}

const DEPTH: Record<SubLevel, number> = { paren: 0, shi: 1, arabic: 2 };

/**
 * Gaps, repeats and backward steps in the sub-numbering of one section's text.
 * A list that restarts at 1 is fine; the `（一）` level must start at （一）.
 */
export const sequenceIssues = memoByString(findSequenceIssues, 64);

function findSequenceIssues(text: string): SequenceIssue[] {
  const issues: SequenceIssue[] = [];
  const list = markers(text);
  // Last value seen per level; a marker resets the levels below it.
  const last: (Marker | undefined)[] = [undefined, undefined, undefined];
  list.forEach((marker, index) => {
    const depth = DEPTH[marker.level];
    const previous = last[depth];
    const prevValue = previous?.value ?? 0;
    const ok = marker.value === prevValue + 1 || marker.value === 1;
    const lenientStart = previous === undefined && marker.level !== 'paren';
    let current = marker;
    if (!ok && !lenientStart) {
      issues.push({
        level: marker.level,
        found: marker.raw.replace(/^[#*\-—\s]+/, ''),
        expected: render[marker.level](prevValue + 1),
        ...(previous && { previous: previous.raw.replace(/^[#*\-—\s]+/, '') }),
      });
      // 一是、三是、三是: when the list goes on as if this one had been right,
      // it was a slip of this ordinal alone; count it as the expected one so
      // that the next is not reported too.
      const next = nextSameLevel(list, index);
      if (next?.value === prevValue + 2) current = { ...marker, value: prevValue + 1 };
    }
    last[depth] = current;
    for (let d = depth + 1; d < last.length; d++) last[d] = undefined;
  });
  return issues;
}

/** The next marker of the same level, unless a higher level intervenes. */
function nextSameLevel(list: Marker[], index: number): Marker | undefined {
  const depth = DEPTH[list[index]!.level];
  for (let i = index + 1; i < list.length; i++) {
    const m = list[i]!;
    if (DEPTH[m.level] < depth) return undefined;
    if (DEPTH[m.level] === depth) return m;
  }
  return undefined;
}
