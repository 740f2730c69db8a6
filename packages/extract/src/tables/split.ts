/**
 * Reading numbers whose separators were lost (`713000074` for 71 3 0 0 0 0 74):
 * every way to cut the digit runs into the expected count of numbers. The
 * caller keeps a reading only when exactly one satisfies the equations.
 */

/** Readings of `runs` (digit strings) as `parts` numbers; undefined when there are too many to try. */
export function digitSplits(
  runs: string[],
  parts: number,
  limit = 100_000,
): number[][] | undefined {
  const out: number[][] = [];
  let tried = 0;
  const current: number[] = [];
  const tooMany = { hit: false };

  // Cuts one run into k numbers (no leading zeros except a lone 0).
  function cutRun(
    s: string,
    k: number,
    start: number,
    acc: number[],
    done: (acc: number[]) => void,
  ): void {
    if (tooMany.hit) return;
    if (k === 1) {
      const piece = s.slice(start);
      if (piece.length === 0 || (piece.length > 1 && piece[0] === '0') || piece.length > 12) return;
      acc.push(Number(piece));
      done(acc);
      acc.pop();
      return;
    }
    for (let end = start + 1; end <= s.length - (k - 1); end++) {
      const piece = s.slice(start, end);
      if (piece.length > 1 && piece[0] === '0') break;
      if (piece.length > 12) break;
      acc.push(Number(piece));
      cutRun(s, k - 1, end, acc, done);
      acc.pop();
      if (tooMany.hit) return;
    }
  }

  function place(i: number, remaining: number): void {
    if (tooMany.hit) return;
    if (i === runs.length) {
      if (remaining === 0) {
        if (++tried > limit) {
          tooMany.hit = true;
          return;
        }
        out.push([...current]);
      }
      return;
    }
    const s = runs[i]!;
    const left = runs.length - i - 1;
    for (let k = 1; k <= Math.min(s.length, remaining - left); k++) {
      cutRun(s, k, 0, [], (acc) => {
        current.push(...acc);
        place(i + 1, remaining - k);
        current.length -= acc.length;
      });
    }
  }

  if (parts <= 0 || runs.length === 0 || runs.length > parts) return [];
  place(0, parts);
  return tooMany.hit ? undefined : out;
}

/** Table 三 row total: the six applicant columns add up to 总计. */
export function rowTotalHolds(values: readonly number[]): boolean {
  return values.length === 7 && values.slice(0, 6).reduce((a, b) => a + b, 0) === values[6];
}
