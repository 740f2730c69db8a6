import { readFile, stat } from 'node:fs/promises';
import { type Locale, type Provenance, ReportSchema } from '@nianbao/schema';
import { decodeBytes } from './charset.ts';
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

type DocKind = 'json' | 'docx' | 'text' | 'html' | 'unsupported';

function kindOf(name: string, bytes: Uint8Array, contentType = ''): DocKind {
  const lower = name.toLowerCase().replace(/[?#].*$/, '');
  const ct = contentType.toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (lower.endsWith('.json') || ct.includes('application/json')) return 'json';
  if (lower.endsWith('.docx') || ct.includes('wordprocessingml') || isZip) return 'docx';
  if (
    /\.(doc|pdf|xls|xlsx|wps)$/.test(lower) ||
    ct.includes('application/pdf') ||
    ct.includes('msword')
  ) {
    return 'unsupported';
  }
  if (lower.endsWith('.txt') || ct.startsWith('text/plain')) return 'text';
  return 'html';
}

/**
 * Reads a report JSON file: a report, or `{ report, provenance }` (what the
 * extractor and the API hand out). Validated against the schema.
 */
export function reportFromJson(text: string): ExtractResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError('INVALID_JSON', `not valid JSON: ${(error as Error).message}`);
  }
  const wrapped = data && typeof data === 'object' && 'report' in data;
  const candidate = wrapped ? (data as { report: unknown }).report : data;
  const parsed = ReportSchema.safeParse(candidate);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
    throw new InputError(
      'INVALID_REPORT',
      `not a nianbao report${where}: ${first?.message ?? 'invalid'}`,
    );
  }
  const provenance = wrapped ? (data as { provenance?: Provenance }).provenance : undefined;
  return {
    report: parsed.data,
    provenance: provenance && typeof provenance === 'object' ? provenance : { cells: {} },
    diagnostics: [],
    found: true,
  };
}

async function fromBytes(
  name: string,
  bytes: Uint8Array,
  options: ReadOptions,
  meta: { url?: string; contentType?: string; charset?: string },
): Promise<ReadOutcome> {
  const kind = kindOf(name, bytes, meta.contentType);
  const extractOptions = { locale: options.locale, ...(meta.url ? { url: meta.url } : {}) };
  switch (kind) {
    case 'json':
      return [reportFromJson(decodeBytes(bytes, meta.charset, false).text)];
    case 'docx':
      return extractAllFrom({ kind: 'docx', data: bytes }, extractOptions);
    case 'text':
      return extractAllFrom(
        { kind: 'text', text: decodeBytes(bytes, meta.charset, false).text },
        extractOptions,
      );
    case 'html':
      return extractAllFrom(
        { kind: 'html', html: decodeBytes(bytes, meta.charset, true).text },
        extractOptions,
      );
    default:
      throw new InputError(
        'UNSUPPORTED',
        `cannot read this kind of document (${name}): save it as .html, .txt or .docx`,
      );
  }
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
