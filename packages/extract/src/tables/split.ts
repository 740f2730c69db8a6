/**
 * Reading numbers whose separators were lost (`713000074` for 71 3 0 0 0 0 74):
 * every way to cut the digit runs into the expected count of numbers. The
 * caller keeps a reading only when exactly one satisfies the equations.
 */

/** Longest number one cell holds, in digits. */
const MAX_DIGITS = 12;

/**
 * Readings of `runs` (digit strings) as `parts` numbers, or undefined when
 * there are too many to try (`limit` counts every step, so hostile input
 * cannot make it run long).
 */
export function digitSplits(
  runs: string[],
  parts: number,
  limit = 200_000,
): number[][] | undefined {
  const total = runs.reduce((s, r) => s + r.length, 0);
  if (parts <= 0 || runs.length === 0 || runs.length > parts || total < parts) return [];
  if (total > parts * MAX_DIGITS) return [];
  const out: number[][] = [];
  const current: number[] = [];
  let steps = 0;
  let exhausted = false;

  // Digits left from run i (position pos) onwards.
  const suffix: number[] = [];
  for (let i = runs.length - 1, s = 0; i >= 0; i--) {
    s += runs[i]!.length;
    suffix[i] = s;
  }

  function walk(run: number, pos: number, remaining: number): void {
    if (exhausted) return;
    if (++steps > limit) {
      exhausted = true;
      return;
    }
    const s = runs[run]!;
    const left = suffix[run]! - pos; // digits still to place
    if (left < remaining || left > remaining * MAX_DIGITS) return;
    for (let len = 1; len <= Math.min(MAX_DIGITS, s.length - pos); len++) {
      const piece = s.slice(pos, pos + len);
      if (len > 1 && piece[0] === '0') break;
      current.push(Number(piece));
      const end = pos + len;
      if (end === s.length) {
        if (run === runs.length - 1) {
          if (remaining === 1) out.push([...current]);
        } else if (remaining > 1) walk(run + 1, 0, remaining - 1);
      } else if (remaining > 1) walk(run, end, remaining - 1);
      current.pop();
      if (exhausted) return;
    }
  }

  walk(0, 0, parts);
  return exhausted ? undefined : out;
}

/** Table 三 row total: the six applicant columns add up to 总计. */
export function rowTotalHolds(values: readonly number[]): boolean {
  return values.length === 7 && values.slice(0, 6).reduce((a, b) => a + b, 0) === values[6];
}
