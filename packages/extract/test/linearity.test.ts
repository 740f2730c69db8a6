/**
 * Every reading step is near-linear (issue 11): extractAll on a document grown
 * 4× — tables nested in tables, many tables, a long table, deep blocks, many
 * headings; a text with many sections and many table lines — must not take
 * more than 8× the time (median of 3, small and large runs interleaved so that
 * the load of a shared machine hits both). A ratio, not a clock;
 * bench/extract/linearity.ts prints the figures.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { extractAll } from '../src/node.ts';
import { grown, type Shape } from './grow.ts';

const GROWTH = 4;
const MAX_RATIO = 8;
const FLOOR_MS = 2;
/** Sizes where a quadratic step already dominates (the old nesting: 12× here) and the large run stays near a second. */
const SIZES: Record<Shape, number> = {
  nested: 1000,
  tables: 250,
  rows: 250,
  depth: 1000,
  sections: 100,
  'text-sections': 300,
  'text-lines': 500,
};

let salt = 0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(input: string): Promise<number> {
  const t0 = performance.now();
  await extractAll(input);
  return performance.now() - t0;
}

async function ratio(shape: Shape) {
  const n = SIZES[shape];
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < 3; i++) {
    small.push(await time(grown(shape, n, `#${salt++}`)));
    large.push(await time(grown(shape, n * GROWTH, `#${salt++}`)));
  }
  const s = median(small);
  const l = median(large);
  return { small: s, large: l, ratio: l / Math.max(s, FLOOR_MS) };
}

describe('every reader is near-linear (DOM reader and text reader)', { timeout: 120_000 }, () => {
  it.each(Object.keys(SIZES) as Shape[])('%s: 4× input, at most 8× time', async (shape) => {
    await time(grown(shape, 10, 'warm'));
    let got = await ratio(shape);
    // A shared machine can stall one run: measure again before failing. A
    // super-linear reader fails every attempt.
    for (let retry = 0; retry < 2 && got.ratio > MAX_RATIO; retry++) got = await ratio(shape);
    expect(
      got.ratio,
      `${shape}: ${got.small.toFixed(1)} ms → ${got.large.toFixed(1)} ms`,
    ).toBeLessThanOrEqual(MAX_RATIO);
  });
});
