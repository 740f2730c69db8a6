/**
 * What a client may post as a document, turned into @nianbao/extract's input:
 * HTML, plain text, .docx (raw, in multipart, or base64 in JSON), or JSON `{ html | text | docx }`.
 */
import { z } from '@hono/zod-openapi';
import { charsetFromContentType, isKnownCharset } from '@nianbao/extract/door';
import { type Format, FormatSchema, type Report } from '@nianbao/schema';
import type { ExtractInput } from './extractor.ts';
import { ReportSchema } from './schemas.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Media types /check accepts, for the 415 message and the OpenAPI document. */
export const ACCEPTED_TYPES = [
  'text/html',
  'text/plain',
  DOCX_TYPE,
  'application/pdf',
  'application/msword',
  'application/octet-stream',
  'multipart/form-data',
  'application/json',
] as const;

/** Media types /check/batch accepts. */
export const BATCH_TYPES = ['application/json', 'multipart/form-data'] as const;

/** What a POST endpoint accepts, for the 415 detail. */
export function acceptedTypesFor(path: string): readonly string[] {
  if (path.endsWith('/check')) return ACCEPTED_TYPES;
  if (path.endsWith('/check/batch')) return BATCH_TYPES;
  return ['application/json'];
}

/** A document ready for the extractor. */
export interface IncomingDocument {
  name?: string;
  input: ExtractInput;
  url?: string;
  format?: Format;
  /** What the door may use besides the bytes: the file name, media type and charset. */
  hints?: { name?: string; contentType?: string; charset?: string };
  previous?: Report;
}

const exactlyOne = {
  zh: '请给出 html、text、docx 之一，且只给一个',
  en: 'Give exactly one of html, text or docx',
};

export const DocumentJsonSchema = z
  .object({
    html: z.string().optional().openapi({ description: 'The page or report as HTML' }),
    text: z
      .string()
      .optional()
      .openapi({ description: 'The report as plain text (e.g. copied from a page)' }),
    docx: z
      .string()
      .regex(/^[A-Za-z0-9+/=\s]+$/)
      .optional()
      .openapi({ description: 'A .docx file, base64-encoded' }),
    name: z.string().optional().openapi({ description: 'A name to echo in batch results' }),
    url: z
      .string()
      .optional()
      .openapi({ description: 'Where the page was published (publication date, meta.sourceUrl)' }),
    format: FormatSchema.optional().openapi({
      description: 'Force a format instead of detecting it',
    }),
    previous: ReportSchema.optional().openapi({
      description: "Last year's report of the same agency, for the cross-year rules",
    }),
  })
  .superRefine((doc, ctx) => {
    const given = [doc.html, doc.text, doc.docx].filter((v) => v !== undefined).length;
    // No `message`: it would win over the per-request locale (issues.ts reads params).
    if (given !== 1) ctx.addIssue({ code: 'custom', params: exactlyOne, path: [] });
  })
  .openapi('DocumentJson');
export type DocumentJson = z.infer<typeof DocumentJsonSchema>;

export function fromJson(
  doc: DocumentJson,
  defaults: Partial<IncomingDocument> = {},
): IncomingDocument {
  const input: ExtractInput =
    doc.html !== undefined
      ? { kind: 'html', html: doc.html }
      : doc.text !== undefined
        ? { kind: 'text', text: doc.text }
        : { kind: 'docx', data: new Uint8Array(Buffer.from(doc.docx ?? '', 'base64')) };
  return {
    ...defaults,
    input,
    ...(doc.name !== undefined ? { name: doc.name } : {}),
    ...(doc.url !== undefined ? { url: doc.url } : {}),
    ...(doc.format !== undefined ? { format: doc.format } : {}),
    ...(doc.previous !== undefined ? { previous: doc.previous } : {}),
  };
}

/** `text/html; charset=GBK` → `{ type: 'text/html', charset: 'gbk' }`. */
export function parseContentType(header: string | undefined): { type: string; charset?: string } {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  const charset = charsetFromContentType(header);
  return { type, ...(charset ? { charset } : {}) };
}

/**
 * Raw bytes of a media type (or a file name) for the extractor: what the
 * document is and how it decodes is decided by @nianbao/extract's door, with
 * the media type and name as hints. Throws RangeError on an unknown charset
 * label (the client said something we cannot honour: a 400).
 */
export function fromBytes(
  bytes: Uint8Array,
  type: string,
  options: { name?: string; charset?: string } = {},
): { input: ExtractInput; hints: { name?: string; contentType?: string; charset?: string } } {
  if (options.charset && !isKnownCharset(options.charset))
    throw new RangeError(`unknown charset ${options.charset}`);
  return {
    input: { kind: 'bytes', data: bytes },
    hints: {
      ...(options.name ? { name: options.name } : {}),
      // application/octet-stream and an empty type say nothing: the bytes decide.
      ...(type && type !== 'application/octet-stream' ? { contentType: type } : {}),
      ...(options.charset ? { charset: options.charset } : {}),
    },
  };
}

/** Reads a File of a multipart body; throws RangeError when its part names an unknown charset. */
export async function fromFile(
  file: File,
  defaults: Partial<IncomingDocument> = {},
): Promise<IncomingDocument> {
  const { type, charset } = parseContentType(file.type);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { input, hints } = fromBytes(bytes, type, {
    ...(file.name ? { name: file.name } : {}),
    ...(charset ? { charset } : {}),
  });
  return { ...defaults, ...(file.name ? { name: file.name } : {}), input, hints };
}
