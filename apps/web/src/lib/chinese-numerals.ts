/**
 * A count written in Chinese numerals (七十一, 一百零五, 两千三百, 〇, 十), read
 * strictly: the standard written forms only, so that a suggestion "改为 71" is
 * never a guess. Colloquial abbreviations whose value depends on the reader
 * (两千三 = 2300 or 2003? 一百一 = 110 or 101? 一万五 = 15000?) are refused, as
 * are digit-by-digit strings (二〇二三), mixed scripts (7十1) and anything else.
 * Up to 9999 9999 (万 at most once).
 */
const DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const ZERO = new Set(['零', '〇']);
/** Each unit's place: 十 = 10¹, 百 = 10², 千 = 10³. */
const UNITS: Record<string, number> = { 十: 1, 百: 2, 千: 3 };

/**
 * One group below 万. `head`: the group starts the numeral (a bare 十 may open it:
 * 十, 十五). `after万`: the group follows 万, so its first place is 千 or a 零
 * marks the gap (一万零五, 一万五千; not 一万五百).
 */
function group(s: string, head: boolean, after万: boolean): number | undefined {
  let value = 0;
  let last = 4; // the place above 千: the next unit must be lower
  let started = after万;
  let zero = false;
  let i = 0;
  if (head && s[0] === '十') {
    value = 10;
    last = 1;
    started = true;
    i = 1;
  }
  while (i < s.length) {
    const ch = s[i]!;
    if (ZERO.has(ch)) {
      // One 零 marks a gap, after a place (or at the start of the group after 万).
      if (zero || (!started && !after万)) return undefined;
      zero = true;
      i++;
      continue;
    }
    const digit = DIGITS[ch];
    if (digit === undefined) return undefined;
    const unit = s[i + 1];
    const place = unit === undefined ? undefined : UNITS[unit];
    if (place !== undefined) {
      if (ch === '两' && place === 1) return undefined; // 两十 is not written
      if (place >= last) return undefined;
      // Without 零 the places follow one another (一千三百); with 零 one is skipped (一千零五十).
      if (zero ? place > last - 2 : started && place !== last - 1) return undefined;
      value += digit * 10 ** place;
      last = place;
      i += 2;
    } else {
      // A bare digit is the ones: alone, after 十, or after 零 (一百零五); never 两.
      if (ch === '两' || i !== s.length - 1) return undefined;
      if (started && !(zero ? last >= 2 : last === 1)) return undefined;
      value += digit;
      last = 0;
      i++;
    }
    started = true;
    zero = false;
  }
  if (zero || !started) return undefined; // a trailing 零 (一百零), or nothing
  return value;
}

/** The value of a count written in Chinese numerals, or undefined when it is not one (or not certainly one). */
export function parseChineseNumeral(text: string): number | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  if (s.length === 1 && ZERO.has(s)) return 0;
  const parts = s.split('万');
  if (parts.length > 2) return undefined;
  if (parts.length === 1) return group(s, true, false);
  const [high, low] = parts as [string, string];
  const wan = high === '两' ? 2 : group(high, true, false);
  if (wan === undefined || wan === 0) return undefined;
  if (low === '') return wan * 10000;
  const rest = group(low, false, true);
  return rest === undefined ? undefined : wan * 10000 + rest;
}
