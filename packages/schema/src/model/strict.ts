/**
 * A strict reading of a report: the model is lenient by default (zod strips
 * keys it does not know, so a draft or an older file still loads), but an API
 * that is told `{"applicatons": {}}` must say the key is unknown instead of
 * answering "no table found". `unknownKeys` compares what was given with what
 * the schema kept.
 */

/** Paths (dotted) of keys in `input` that the parsed `kept` value dropped. */
export function unknownKeys(input: unknown, kept: unknown, path: string[] = []): string[][] {
  if (!isRecord(input) || !isRecord(kept)) {
    if (Array.isArray(input) && Array.isArray(kept)) {
      return input.flatMap((item, i) => unknownKeys(item, kept[i], [...path, String(i)]));
    }
    return [];
  }
  const out: string[][] = [];
  for (const key of Object.keys(input)) {
    if (!(key in kept)) out.push([...path, key]);
    else out.push(...unknownKeys(input[key], kept[key], [...path, key]));
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
