/**
 * Limits for every reader that inflates or expands what a document declares
 * (.docx today; PDF streams and .doc next): checked on the bytes actually
 * produced, while inflating — never on the sizes an archive declares, which a
 * crafted file can set to anything (issue 11).
 *
 * A reader that passes them keeps its memory in the tens of megabytes and its
 * time in milliseconds per megabyte; past one it throws `ArchiveLimitError`,
 * which the extractor turns into the reading note `EXTRACT-TOO-LARGE`
 * (origin extraction, `found: false`).
 */

export const ARCHIVE_LIMITS = {
  /** Bytes produced by inflating all the entries of one document together. */
  maxTotalBytes: 50 * 1024 * 1024,
  /** Inflated : compressed ratio allowed per entry once it is past `ratioAfterBytes`. */
  maxRatio: 100,
  /** An entry may inflate to this much whatever its ratio (small, very repetitive XML is normal). */
  ratioAfterBytes: 1024 * 1024,
  /** Entries (files) in one archive. */
  maxEntries: 2000,
} as const;

export type ArchiveLimits = { -readonly [K in keyof typeof ARCHIVE_LIMITS]: number };

/** Which limit was passed: the messages of EXTRACT-TOO-LARGE are keyed by it. */
export type LimitKind = 'total' | 'ratio' | 'entries' | 'entity';

export class ArchiveLimitError extends Error {
  readonly kind: LimitKind;
  readonly params: Record<string, string | number>;
  constructor(kind: LimitKind, params: Record<string, string | number>, message?: string) {
    super(message ?? `archive limit passed: ${kind} ${JSON.stringify(params)}`);
    this.name = 'ArchiveLimitError';
    this.kind = kind;
    this.params = params;
  }
}

export const isArchiveLimitError = (e: unknown): e is ArchiveLimitError =>
  e instanceof ArchiveLimitError ||
  (e instanceof Error && e.name === 'ArchiveLimitError' && 'kind' in e);

const MB = 1024 * 1024;
export const megabytes = (bytes: number) =>
  bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/**
 * The budget of one document: how much an entry of `compressed` bytes may still
 * inflate to (the smaller of what the total and the ratio allow), and the
 * running total. Readers call `allowance` before inflating an entry (as its
 * output limit) and `spend` with what it really produced.
 */
export class InflateBudget {
  private used = 0;
  private entries = 0;
  readonly limits: ArchiveLimits;
  constructor(limits: Partial<ArchiveLimits> = {}) {
    this.limits = { ...ARCHIVE_LIMITS, ...limits };
  }

  /** Counts one more entry; throws past `maxEntries`. */
  entry(): void {
    if (++this.entries > this.limits.maxEntries) {
      throw new ArchiveLimitError('entries', { limit: this.limits.maxEntries });
    }
  }

  /** Bytes the next entry may inflate to; a reader asked for more must stop at this many. */
  allowance(compressed: number): number {
    const byRatio = Math.max(this.limits.ratioAfterBytes, compressed * this.limits.maxRatio);
    return Math.max(0, Math.min(this.limits.maxTotalBytes - this.used, byRatio));
  }

  /** The error for an entry that went past `allowance(compressed)`. */
  exceeded(compressed: number): ArchiveLimitError {
    const byRatio = Math.max(this.limits.ratioAfterBytes, compressed * this.limits.maxRatio);
    return byRatio < this.limits.maxTotalBytes - this.used
      ? new ArchiveLimitError('ratio', { ratio: this.limits.maxRatio, size: megabytes(byRatio) })
      : new ArchiveLimitError('total', { limit: megabytes(this.limits.maxTotalBytes) });
  }

  /** Records what an entry produced; throws when it is past its allowance. */
  spend(compressed: number, produced: number): void {
    if (produced > this.allowance(compressed)) throw this.exceeded(compressed);
    this.used += produced;
  }
}

/**
 * XML with a document type declaration (`<!DOCTYPE`, which is where `<!ENTITY`
 * lives): refused whatever the parser would do with it — Word never writes one,
 * and entity expansion is the XML bomb. Looks for the ASCII and UTF-16 spellings.
 */
export function assertNoDoctype(xml: Uint8Array, name: string): void {
  if (
    findAscii(xml, '<!DOCTYPE') ||
    findAscii(xml, '<!ENTITY') ||
    findUtf16(xml, '<!DOCTYPE') ||
    findUtf16(xml, '<!ENTITY')
  ) {
    throw new ArchiveLimitError('entity', { entry: name });
  }
}

function findAscii(data: Uint8Array, needle: string): boolean {
  const first = needle.charCodeAt(0);
  outer: for (let i = data.indexOf(first); i !== -1; i = data.indexOf(first, i + 1)) {
    for (let k = 1; k < needle.length; k++) {
      const c = data[i + k];
      if (c === undefined || (c | 0x20) !== (needle.charCodeAt(k) | 0x20)) continue outer;
    }
    return true;
  }
  return false;
}

function findUtf16(data: Uint8Array, needle: string): boolean {
  const first = needle.charCodeAt(0);
  outer: for (let i = data.indexOf(first); i !== -1; i = data.indexOf(first, i + 1)) {
    // Little endian: char, 0; big endian: 0, char (i is then the char's byte).
    const step = data[i + 1] === 0 ? 1 : data[i - 1] === 0 ? -1 : 0;
    if (step === 0) continue;
    for (let k = 1; k < needle.length; k++) {
      const at = step === 1 ? i + 2 * k : i + 2 * k;
      const c = data[at];
      const zero = step === 1 ? data[at + 1] : data[at - 1];
      if (c === undefined || zero !== 0 || (c | 0x20) !== (needle.charCodeAt(k) | 0x20)) {
        continue outer;
      }
    }
    return true;
  }
  return false;
}
