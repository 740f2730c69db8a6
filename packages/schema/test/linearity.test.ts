/**
 * Every rule is near-linear in its input (issue 11): each rule alone, on a
 * report grown 4× — in sections and headings, and in the sub-headings and
 * text of long sections, with labels and header notes growing alongside —
 * must not take more than 8× the time (median of 3, small and large runs
 * interleaved so that the load of a shared machine hits both). A ratio, not a
 * clock; bench/schema/linearity.ts prints the figures.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { check, type Format, rules } from '../src/index.ts';
import { type Grown, grownReport, type Shape } from './grow.ts';

const GROWTH = 4;
const MAX_RATIO = 8;
/** Below this (ms) a time is noise: the smaller run counts as at least this much. */
const FLOOR_MS = 2;
const SIZES: Record<Shape, number> = { sections: 2500, text: 200 };

let salt = 0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Three fresh reports (new strings: the rules' memo caches never answer) per size. */
function inputs(format: Format, shape: Shape) {
  const n = SIZES[shape];
  const make = (size: number) =>
    [0, 1, 2].map(() => grownReport(format, size, shape, `#${salt++}`));
  return { small: make(n), large: make(n * GROWTH) };
}

function time(id: string, { report, options }: Grown): number {
  const t0 = performance.now();
  check(report, { ...options, rules: [id] });
  return performance.now() - t0;
}

function ratio(id: string, set: { small: Grown[]; large: Grown[] }) {
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < 3; i++) {
    small.push(time(id, set.small[i]!));
    large.push(time(id, set.large[i]!));
  }
  const s = median(small);
  const l = median(large);
  return { small: s, large: l, ratio: l / Math.max(s, FLOOR_MS) };
}

describe.each(['2019', '2021'] as Format[])('every rule is near-linear (%s format)', (format) => {
  const sets = { sections: inputs(format, 'sections'), text: inputs(format, 'text') };
  const ids = rules.filter((r) => r.meta.formats.includes(format)).map((r) => r.meta.id);

  it.each(ids)('%s: 4× input, at most 8× time', (id) => {
    for (const shape of ['sections', 'text'] as Shape[]) {
      // One warm-up (JIT, template caches), then the measured runs.
      time(id, grownReport(format, 20, shape, `#${salt++}`));
      let got = ratio(id, sets[shape]);
      // A shared machine can stall one run: measure again on fresh inputs before
      // failing. A super-linear rule fails every attempt.
      for (let retry = 0; retry < 2 && got.ratio > MAX_RATIO; retry++) {
        got = ratio(id, inputs(format, shape));
      }
      expect(
        got.ratio,
        `${id} on growing ${shape}: ${got.small.toFixed(1)} ms → ${got.large.toFixed(1)} ms`,
      ).toBeLessThanOrEqual(MAX_RATIO);
    }
  });

  it('covers the whole catalogue', () => {
    expect(ids.length).toBeGreaterThan(40);
  });
});
