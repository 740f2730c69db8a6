import { lstat, readFile, stat } from 'node:fs/promises';
import { sniffDocument } from '@nianbao/extract/door';
import { extractionFinding, type Locale } from '@nianbao/schema';
import { InputError } from './errors.ts';
import type { ExtractResult } from './extract-node.ts';
import { extractAllFrom } from './extract-node.ts';
import { type FetchLimits, fetchDocument } from './fetch.ts';
import { type Input, inputProblem } from './inputs.ts';

export interface ReadOptions {
  locale: Locale;
  fetchLimits: FetchLimits;
  /** Largest local file read, in bytes. */
  maxFileBytes: number;
}

/** What one input yielded: one or more reports (a page can hold several), each as the extractor saw it. */
export type ReadOutcome = ExtractResult[];

/**
 * Bytes → reports. What the document is and how it decodes is decided by
 * @nianbao/extract's door (the name and media type are hints); the CLI only
 * turns what cannot be read into that input's error.
 */
async function fromBytes(
  name: string,
  bytes: Uint8Array,
  options: ReadOptions,
  meta: { url?: string; contentType?: string; charset?: string },
): Promise<ReadOutcome> {
  const sniffed = sniffDocument(bytes, {
    name,
    ...(meta.contentType ? { contentType: meta.contentType } : {}),
    ...(meta.charset ? { charset: meta.charset } : {}),
  });
  const note = (
    id: 'EXTRACT-UNSUPPORTED' | 'EXTRACT-INVALID-REPORT',
    params: Record<string, string>,
  ) => extractionFinding(id, { params }, options.locale).message;
  if (sniffed.kind === 'unsupported')
    throw new InputError('UNSUPPORTED', note('EXTRACT-UNSUPPORTED', { kind: sniffed.type }));
  if (sniffed.kind === 'invalid-report') {
    const { where, reason } = sniffed;
    throw new InputError('INVALID_REPORT', note('EXTRACT-INVALID-REPORT', { where, reason }));
  }
  return extractAllFrom(sniffed, {
    locale: options.locale,
    ...(meta.url ? { url: meta.url } : {}),
  });
}

/** The bytes of one input and what is known about them, before the extractor sees them. */
export interface Acquired {
  name: string;
  bytes: Uint8Array;
  meta: { url?: string; contentType?: string; charset?: string };
}

/**
 * Fetches a URL or reads a file (size first: a stray multi-gigabyte file must not be
 * read into memory to be refused; what is not a regular file is refused before it is
 * opened, so a FIFO cannot hang the batch). Network and file system only: parsing is
 * `readBytes`, which the CLI runs on an isolated worker.
 */
export async function acquire(input: Input, options: ReadOptions): Promise<Acquired> {
  switch (input.kind) {
    case 'missing':
      throw new InputError(input.code, input.message);
    case 'url': {
      const fetched = await fetchDocument(input.url, options.fetchLimits);
      return {
        name: fetched.url,
        bytes: fetched.bytes,
        meta: {
          url: fetched.url,
          contentType: fetched.contentType,
          ...(fetched.charset ? { charset: fetched.charset } : {}),
        },
      };
    }
    case 'file': {
      try {
        const info = await stat(input.path).catch(async (error: NodeJS.ErrnoException) => {
          // stat follows links: tell a dangling link or a loop from a missing file.
          const link = await lstat(input.path).catch(() => undefined);
          if (link?.isSymbolicLink())
            throw inputProblem(
              input.source,
              error.code === 'ELOOP' ? 'LINK_LOOP' : 'DANGLING_LINK',
              options.locale,
            );
          throw error;
        });
        if (!info.isFile()) throw inputProblem(input.source, 'NOT_A_FILE', options.locale, info);
        if (info.size > options.maxFileBytes) {
          throw new InputError(
            'TOO_LARGE',
            `${input.source} is larger than ${options.maxFileBytes} bytes`,
          );
        }
        return { name: input.path, bytes: await readFile(input.path), meta: {} };
      } catch (error) {
        if (error instanceof InputError) throw error;
        const e = error as NodeJS.ErrnoException;
        throw new InputError(e.code ?? 'READ_ERROR', `cannot read ${input.source}: ${e.message}`);
      }
    }
  }
}

/** Bytes → reports (the part that runs on the isolated worker). */
export function readBytes(acquired: Acquired, options: ReadOptions): Promise<ReadOutcome> {
  return fromBytes(acquired.name, acquired.bytes, options, acquired.meta);
}

/** Reads one input; every failure is an `InputError` that becomes that input's result. */
export async function readInput(input: Input, options: ReadOptions): Promise<ReadOutcome> {
  return readBytes(await acquire(input, options), options);
}
