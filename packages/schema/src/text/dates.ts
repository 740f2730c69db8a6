import { memoByString } from './memo.ts';
import { simplifiedText } from './script.ts';

/**
 * Years and periods written in report text: `2020年`, `二〇二〇年`,
 * `自2023年1月1日起至2023年12月31日止`.
 */

const CN_DIGIT: Record<string, string> = {
  〇: '0',
  零: '0',
  Ｏ: '0',
  O: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/** Four-digit years written in the text, Arabic or Chinese digits (二〇二〇). */
export function yearsIn(text: string): number[] {
  const flat = text.normalize('NFKC').replace(/\s+/g, '');
  const years: number[] = [];
  for (const m of flat.matchAll(/(?<!\d)(19\d{2}|20\d{2}|21\d{2})(?!\d)/g))
    years.push(Number(m[1]));
  for (const m of flat.matchAll(/[〇零O一二三四五六七八九]{4}(?=年)/g)) {
    const digits = [...m[0]].map((c) => CN_DIGIT[c] ?? '').join('');
    if (digits.length === 4) years.push(Number(digits));
  }
  return years;
}

export interface StatedPeriod {
  /** The sentence fragment as written. */
  quote: string;
  from: { year?: number; month: number; day: number };
  to: { year?: number; month: number; day: number };
}

const PERIOD =
  /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:起)?(?:至|到|—|－|-|~|～)(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/;

/**
 * The statistical period stated in the text, if any: a date range in a
 * sentence that speaks of 统计 (统计期限 / 统计时限 / 统计周期 / 所列数据).
 */
export const statedPeriod = memoByString(findStatedPeriod, 64);

function findStatedPeriod(text: string): StatedPeriod | undefined {
  const flat = simplifiedText(text)
    .normalize('NFKC')
    .replace(/[ \t\u3000]+/g, '');
  for (const sentence of flat.split(/[。；;\n]/)) {
    if (!/统计|所列数据|数据期限|报告期/.test(sentence)) continue;
    const m = PERIOD.exec(sentence);
    if (!m) continue;
    const year = (s: string | undefined) => (s === undefined ? undefined : Number(s));
    return {
      quote: m[0],
      from: { ...(m[1] && { year: year(m[1]) }), month: Number(m[2]), day: Number(m[3]) },
      to: {
        ...((m[4] ?? m[1]) && { year: year(m[4] ?? m[1]) }),
        month: Number(m[5]),
        day: Number(m[6]),
      },
    };
  }
  return undefined;
}

/** A valid ISO date `YYYY-MM-DD` as a UTC day number, or undefined. */
export function isoDay(text: string | undefined): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text?.trim() ?? '');
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const time = Date.UTC(y, mo - 1, d);
  const date = new Date(time);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return undefined;
  }
  return time / 86_400_000;
}

/** `YYYY-MM-DD` for a year and `MM-DD`. */
export function isoDate(year: number, monthDay: string): string {
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}
