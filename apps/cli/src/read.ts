import { readFile, stat } from 'node:fs/promises';
import { sniffDocument } from '@nianbao/extract/door';
import { extractionFinding, type Locale } from '@nianbao/schema';
import { InputError } from './errors.ts';
import type { ExtractResult } from './extract-node.ts';
import { extractAllFrom } from './extract-node.ts';
import { type FetchLimits, fetchDocument } from './fetch.ts';
import type { Input } from './inputs.ts';

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

/** Reads one input; every failure is an `InputError` that becomes that input's result. */
export async function readInput(input: Input, options: ReadOptions): Promise<ReadOutcome> {
  switch (input.kind) {
    case 'missing':
      throw new InputError(input.code, input.message);
    case 'url': {
      const fetched = await fetchDocument(input.url, options.fetchLimits);
      return fromBytes(fetched.url, fetched.bytes, options, {
        url: fetched.url,
        contentType: fetched.contentType,
        ...(fetched.charset ? { charset: fetched.charset } : {}),
      });
    }
    case 'file': {
      let bytes: Uint8Array;
      try {
        // Size first: a stray multi-gigabyte file must not be read into memory to be refused.
        const { size } = await stat(input.path);
        if (size > options.maxFileBytes) {
          throw new InputError(
            'TOO_LARGE',
            `${input.source} is larger than ${options.maxFileBytes} bytes`,
          );
        }
        bytes = await readFile(input.path);
      } catch (error) {
        if (error instanceof InputError) throw error;
        const e = error as NodeJS.ErrnoException;
        throw new InputError(e.code ?? 'READ_ERROR', `cannot read ${input.source}: ${e.message}`);
      }
      return fromBytes(input.path, bytes, options, {});
    }
  }
}
