/**
 * The unofficial 法人或其他组织小计 column (spec §9.3): some local templates
 * add it to table 三 (8 numbers a row). It is mapped away when it equals the
 * sum of the five organisation columns, otherwise reported.
 */
import { parseValue } from '../values.ts';

/**
 * Index of the subtotal among 8 row values: after 其他 (6) or right after
 * 自然人 (1), whichever is the sum of the five organisation columns; undefined
 * when neither is.
 */
export function subtotalIndex(raws: readonly string[]): number | undefined {
  if (raws.length !== 8) return undefined;
  const n = raws.map((r) => {
    const p = parseValue(r);
    return p.kind === 'number' ? p.value : 0;
  });
  const sum = (a: number, b: number) => n.slice(a, b).reduce((x, y) => x + y, 0);
  if (n[6] === sum(1, 6)) return 6;
  if (n[1] === sum(2, 7)) return 1;
  return undefined;
}
