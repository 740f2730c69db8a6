/**
 * Text similarity for XY-DUPLICATE-TEXT: Dice coefficient over character
 * bigrams, after removing numbers, years, whitespace and punctuation, so that
 * a report copied from last year with the figures changed still compares equal.
 */

import { simplifiedText } from './script.ts';

export function comparableText(text: string): string {
  return simplifiedText(text)
    .normalize('NFKC')
    .replace(/[〇零一二三四五六七八九十]{2,4}年/g, '') // 二〇二〇年
    .replace(/\d+(?:\.\d+)?/g, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Bigram counts keyed by the two code points as one number (no string per bigram). */
function bigrams(text: string): Map<number, number> {
  const grams = new Map<number, number>();
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (previous !== -1) {
      const g = previous * 0x110000 + cp;
      grams.set(g, (grams.get(g) ?? 0) + 1);
    }
    previous = cp;
  }
  return grams;
}

/** 0 (nothing shared) … 1 (the same text). */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let sizeX = 0;
  let sizeY = 0;
  let shared = 0;
  for (const n of x.values()) sizeX += n;
  for (const [g, n] of y) {
    sizeY += n;
    shared += Math.min(n, x.get(g) ?? 0);
  }
  return sizeX + sizeY === 0 ? 0 : (2 * shared) / (sizeX + sizeY);
}
