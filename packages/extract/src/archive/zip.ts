/**
 * A zip (.docx) read under the limits of `limits.ts`: entries found through
 * the central directory (as JSZip, mammoth's reader, finds them), each one
 * inflated by the caller's `inflate` with an output limit, so a lying declared
 * size changes nothing; then written back as a stored (uncompressed) zip of
 * the same entries for mammoth, which therefore inflates nothing itself.
 * XML entries with a DOCTYPE are refused (`assertNoDoctype`).
 */
import {
  ArchiveLimitError,
  type ArchiveLimits,
  assertNoDoctype,
  InflateBudget,
  megabytes,
} from './limits.ts';

/**
 * Inflates raw deflate `data` and returns at most `limit` bytes: when the
 * output would be longer it must stop (not finish and then measure) and
 * return `undefined`.
 */
export type RawInflate = (
  data: Uint8Array,
  limit: number,
) => Uint8Array | undefined | Promise<Uint8Array | undefined>;

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) =>
  (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

function endOfCentralDirectory(b: Uint8Array): number {
  // The record is 22 bytes plus a comment of up to 65,535.
  for (let o = b.length - 22; o >= Math.max(0, b.length - 22 - 0xffff); o--) {
    if (b[o] === 0x50 && b[o + 1] === 0x4b && b[o + 2] === 5 && b[o + 3] === 6) return o;
  }
  throw new ZipFormatError('no end of central directory');
}

/** Every entry, inflated under the limits. Throws `ArchiveLimitError` past one, `ZipFormatError` on a broken zip. */
export async function readZip(
  bytes: Uint8Array,
  inflate: RawInflate,
  limits: Partial<ArchiveLimits> = {},
): Promise<ZipEntry[]> {
  const budget = new InflateBudget(limits);
  const eocd = endOfCentralDirectory(bytes);
  const declared = u16(bytes, eocd + 10);
  // Counted before anything is read: a directory may declare a million entries.
  if (declared > budget.limits.maxEntries) {
    throw new ArchiveLimitError('entries', { limit: budget.limits.maxEntries });
  }
  let p = u32(bytes, eocd + 16);
  if (declared === 0xffff || p === 0xffffffff) throw new ZipFormatError('zip64 is not supported');
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  while (p + 46 <= bytes.length && u32(bytes, p) === 0x02014b50) {
    budget.entry();
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const compressedSize = u32(bytes, p + 20);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    const local = u32(bytes, p + 42);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw new ZipFormatError('encrypted entry');
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) {
      throw new ZipFormatError(`bad local header for ${name}`);
    }
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    // The declared compressed size bounds only what is read, never what is produced.
    const raw = bytes.subarray(start, Math.min(bytes.length, start + compressedSize));
    let data: Uint8Array;
    if (name.endsWith('/')) continue;
    if (method === 0) {
      data = raw;
    } else if (method === 8) {
      await probe(raw, budget, inflate);
      const out = await inflate(raw, budget.allowance(raw.length));
      if (out === undefined) throw budget.exceeded(raw.length);
      data = out;
    } else {
      throw new ZipFormatError(`compression method ${method}`);
    }
    budget.spend(raw.length, data.length);
    if (/\.(?:xml|rels)$/i.test(name)) assertNoDoctype(data, name);
    entries.push({ name, data });
  }
  if (entries.length === 0) throw new ZipFormatError('no entries');
  return entries;
}

/** Compressed bytes inflated first, alone, to catch a bomb by its ratio within milliseconds. */
const PROBE_BYTES = 64 * 1024;

/**
 * The ratio limit applied to the first 64 KB of a large entry: a bomb (300 MB
 * out of 1 MB: 240:1) is refused after inflating a few megabytes instead of
 * the whole 50 MB allowance. The probe's truncated stream ends in an error,
 * which is expected and ignored: the entry is then inflated whole.
 */
async function probe(raw: Uint8Array, budget: InflateBudget, inflate: RawInflate): Promise<void> {
  if (raw.length <= PROBE_BYTES) return;
  const { ratioAfterBytes, maxRatio } = budget.limits;
  const probeLimit = Math.max(ratioAfterBytes, PROBE_BYTES * maxRatio);
  const allowance = budget.allowance(raw.length);
  if (probeLimit >= allowance) return;
  let out: Uint8Array | undefined;
  try {
    out = await inflate(raw.subarray(0, PROBE_BYTES), probeLimit);
  } catch {
    return;
  }
  if (out === undefined) {
    throw new ArchiveLimitError('ratio', { ratio: maxRatio, size: megabytes(probeLimit) });
  }
}

/** The entries as a stored (method 0) zip: what mammoth then opens, with nothing left to inflate. */
export function writeStoredZip(entries: ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  let size = 22;
  entries.forEach((e, i) => {
    size += 30 + names[i]!.length + e.data.length + 46 + names[i]!.length;
  });
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  entries.forEach((e, i) => {
    const name = names[i]!;
    offsets.push(p);
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 0x800, true); // names in UTF-8
    // method 0, time, date, crc 0 (JSZip, mammoth's reader, does not check it by default)
    view.setUint32(p + 18, e.data.length, true);
    view.setUint32(p + 22, e.data.length, true);
    view.setUint16(p + 26, name.length, true);
    out.set(name, p + 30);
    out.set(e.data, p + 30 + name.length);
    p += 30 + name.length + e.data.length;
  });
  const central = p;
  entries.forEach((e, i) => {
    const name = names[i]!;
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, 0x800, true);
    view.setUint32(p + 20, e.data.length, true);
    view.setUint32(p + 24, e.data.length, true);
    view.setUint16(p + 28, name.length, true);
    view.setUint32(p + 42, offsets[i]!, true);
    out.set(name, p + 46);
    p += 46 + name.length;
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - central, true);
  view.setUint32(p + 16, central, true);
  return out;
}
