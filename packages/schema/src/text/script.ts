/**
 * Reading report text written in Traditional script (spec §9.3: portals behind
 * gate/big5 gateways): the label table of core/normalize plus the characters
 * the text rules look for (t2s-text.ts, generated).
 */
import { toSimplified } from '../core/normalize.ts';
import { TEXT_T2S } from './t2s-text.ts';

const EXTRA = new Map<string, string>();
for (let i = 0; i + 1 < TEXT_T2S.length; i += 2) EXTRA.set(TEXT_T2S[i]!, TEXT_T2S[i + 1]!);
const TRADITIONAL = new RegExp(`[${[...EXTRA.keys()].join('')}]`, 'g');

/** Text with the Traditional characters the rules care about made Simplified; other text as it is. */
export function simplifiedText(text: string): string {
  const base = toSimplified(text);
  return base.replace(TRADITIONAL, (ch) => EXTRA.get(ch)!);
}
