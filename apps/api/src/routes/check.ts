import { createRoute, z } from '@hono/zod-openapi';
import { FormatSchema, type Locale } from '@nianbao/schema';
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import {
  ACCEPTED_TYPES,
  BATCH_TYPES,
  DOCX_TYPE,
  DocumentJsonSchema,
  fromBytes,
  fromFile,
  fromJson,
  type IncomingDocument,
  parseContentType,
} from '../documents.ts';
import type { Runner } from '../extract-pool.ts';
import type { Extractor } from '../extractor.ts';
import { localisedIssues } from '../issues.ts';
import type { CheckJob } from '../jobs.ts';
import { problem, sendProblem } from '../problem.ts';
import { createRouter } from '../router.ts';
import {
  BatchResponseSchema,
  CheckResponseSchema,
  LocaleQuery,
  problemContent,
} from '../schemas.ts';
import { type Failure, runJobs, sendFailure } from '../work.ts';

export type { Extractor };

/** Most documents one batch may hold. */
export const BATCH_MAX = 50;

// Non-JSON bodies are documented with plain OpenAPI schema objects: zod-openapi
// validates zod schemas, and these bodies are read and checked by the handlers.
const binary = (description: string) => ({
  type: 'string' as const,
  format: 'binary',
  description,
});
const multipart = (properties: Record<string, object>, required: string[]) => ({
  type: 'object' as const,
  properties,
  required,
});

const CheckQuery = z.object({
  locale: LocaleQuery,
  url: z.string().optional().openapi({
    description: 'Where the page was published (used for the publication date and meta.sourceUrl)',
  }),
  format: FormatSchema.optional().openapi({
    description: 'Force a format instead of detecting it',
  }),
  provenance: z.enum(['true', 'false', '1', '0']).optional().openapi({
    description: 'Include where every value was read (raw cell text, header, position)',
  }),
  all: z.enum(['true', 'false', '1', '0']).optional().openapi({
    description: 'A page with several reports: check them all (in `others`), not only the first',
  }),
});

const checkRoute = createRoute({
  method: 'post',
  path: '/check',
  operationId: 'checkDocument',
  tags: ['check'],
  summary: 'Read a document and check it / 读取文档并校验',
  description:
    'Reads a report out of a portal page (HTML), pasted text, a .docx, a PDF or a .doc with @nianbao/extract, then checks it. When the document holds no readable report, `found` is false, `findings` is empty and `diagnostics` say why: nothing is blamed on the report.',
  request: {
    query: CheckQuery,
    body: {
      // `required: true` would make zod-openapi validate every body as JSON; the handler
      // answers an empty body with 400 itself.
      required: false,
      description: 'The document, in one of these forms (required)',
      content: {
        'text/html': { schema: { type: 'string', description: 'A portal page or report as HTML' } },
        'text/plain': { schema: { type: 'string', description: 'The report as text' } },
        [DOCX_TYPE]: { schema: binary('A .docx file') },
        'application/pdf': { schema: binary('A PDF with a text layer (a scan is a reading note)') },
        'application/msword': { schema: binary('A legacy Word 97–2003 .doc') },
        'application/octet-stream': {
          schema: binary('A file of unknown type: sniffed (docx, HTML or text)'),
        },
        'multipart/form-data': {
          schema: multipart(
            {
              file: binary('The document (.html, .txt, .docx, .pdf or .doc)'),
              url: { type: 'string' },
            },
            ['file'],
          ),
        },
        'application/json': { schema: DocumentJsonSchema },
      },
    },
  },
  responses: {
    200: {
      description: 'The report read, its findings and the extraction diagnostics',
      content: { 'application/json': { schema: CheckResponseSchema } },
    },
    400: problemContent('Malformed JSON, an empty body or a multipart body without a file'),
    413: problemContent('Body over the size limit'),
    415: problemContent('A media type that is not a document'),
    422: problemContent(
      'The JSON body is not { html | text | docx }, or the document could not be read',
    ),
    429: problemContent('Over the rate limit'),
  },
});

const batchRoute = createRoute({
  method: 'post',
  path: '/check/batch',
  operationId: 'checkDocuments',
  tags: ['check'],
  summary: 'Check several documents / 批量校验',
  description: `Up to ${BATCH_MAX} documents, as a JSON array of { html | text | docx } or as multipart files. One result per document, in order; a document that cannot be read gets a problem in its slot and does not fail the others.`,
  request: {
    query: CheckQuery.omit({ url: true, format: true, all: true }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'array',
            maxItems: BATCH_MAX,
            items: { $ref: '#/components/schemas/DocumentJson' },
          },
        },
        'multipart/form-data': {
          schema: multipart(
            {
              files: {
                type: 'array',
                items: binary('A document'),
                description: 'Repeat the field once per document',
              },
            },
            ['files'],
          ),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'One result per document, in order',
      content: { 'application/json': { schema: BatchResponseSchema } },
    },
    400: problemContent('Malformed JSON or a multipart body without files'),
    413: problemContent('Body over the size limit'),
    415: problemContent('Neither JSON nor multipart'),
    422: problemContent(`Not an array, or more than ${BATCH_MAX} documents`),
    429: problemContent('Over the rate limit'),
  },
});

/** The job that reads and checks a document. */
const checkJob = (
  doc: IncomingDocument,
  locale: Locale,
  provenance: boolean,
  all = false,
): CheckJob => ({
  kind: 'check',
  input: doc.input,
  options: {
    locale,
    ...(doc.url ? { url: doc.url } : {}),
    ...(doc.format ? { format: doc.format } : {}),
    ...doc.hints,
  },
  locale,
  ...(doc.previous ? { previous: doc.previous } : {}),
  provenance,
  all,
});

const wantsProvenance = (v: string | undefined) => v === 'true' || v === '1';

/** The documents of a /check body, or why there are none. */
async function readSingle(
  c: Context<AppEnv>,
  defaults: Partial<IncomingDocument>,
): Promise<IncomingDocument | Failure> {
  const { type, charset } = parseContentType(c.req.header('content-type'));
  if (type === 'application/json') {
    return fromJson(
      (c.req as unknown as { valid(t: 'json'): z.infer<typeof DocumentJsonSchema> }).valid('json'),
      defaults,
    );
  }
  if (type === 'multipart/form-data') {
    const form = await readForm(c);
    if (!form) return { slug: 'bad-request', params: { reason: badMultipart(c.get('locale')) } };
    const file = [form.file, ...Object.values(form)]
      .flat()
      .find((v): v is File => v instanceof File);
    if (!file) return { slug: 'bad-request', params: { reason: noFile(c.get('locale')) } };
    const url = typeof form.url === 'string' ? form.url : undefined;
    try {
      return await fromFile(file, { ...defaults, ...(url ? { url } : {}) });
    } catch {
      const { charset } = parseContentType(file.type);
      return {
        slug: 'bad-request',
        params: { reason: badCharset(c.get('locale'), charset ?? '') },
      };
    }
  }
  if ((ACCEPTED_TYPES as readonly string[]).includes(type)) {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0)
      return { slug: 'bad-request', params: { reason: emptyBody(c.get('locale')) } };
    try {
      return { ...defaults, ...fromBytes(bytes, type, charset ? { charset } : {}) };
    } catch {
      return {
        slug: 'bad-request',
        params: { reason: badCharset(c.get('locale'), charset ?? '') },
      };
    }
  }
  return unsupported(type);
}

/** The parts of a multipart body, or undefined when it cannot be parsed (bad boundary, truncated). */
async function readForm(c: Context<AppEnv>) {
  try {
    return await c.req.parseBody({ all: true });
  } catch {
    return undefined;
  }
}

const badMultipart = (l: Locale) =>
  l === 'en' ? 'the multipart body cannot be parsed' : 'multipart 请求体无法解析';
const unsupported = (type: string): Failure => ({
  slug: 'unsupported-media-type',
  params: { type, accepted: ACCEPTED_TYPES.join(', ') },
});
const noFile = (l: Locale) =>
  l === 'en' ? 'the multipart body has no file field' : 'multipart 请求体中没有文件字段';
const emptyBody = (l: Locale) => (l === 'en' ? 'the request body is empty' : '请求体为空');
const badCharset = (l: Locale, cs: string) =>
  l === 'en' ? `unknown charset "${cs}"` : `无法识别的字符集“${cs}”`;

export function checkRoutes(runner: Runner) {
  const router = createRouter();

  router.openapi(checkRoute, async (c) => {
    const query = c.req.valid('query');
    const locale = c.get('locale');
    const doc = await readSingle(c, {
      ...(query.url ? { url: query.url } : {}),
      ...(query.format ? { format: query.format } : {}),
    });
    if ('slug' in doc) return sendProblem(c, doc.slug, doc.params) as never;
    const job = checkJob(
      doc,
      locale,
      wantsProvenance(query.provenance),
      wantsProvenance(query.all),
    );
    const settled = await runJobs(c, runner, [{ job, kind: doc.input.kind }]);
    if (settled instanceof Response) return settled as never;
    const [outcome] = settled;
    if (!outcome!.ok) return sendFailure(c, outcome!) as never;
    return c.body(outcome!.result.json, 200, {
      'Content-Type': 'application/json',
    }) as never;
  });

  router.openapi(batchRoute, async (c) => {
    const locale = c.get('locale');
    const withProvenance = wantsProvenance(c.req.valid('query').provenance);
    const { type } = parseContentType(c.req.header('content-type'));
    // Each entry: a document, or the problem that stands in its slot.
    // Items are validated one by one: one bad item does not fail the rest.
    let entries: Array<IncomingDocument | (Failure & { name?: string })>;
    if (type === 'application/json') {
      let raw: unknown;
      try {
        raw = JSON.parse(await c.req.text());
      } catch (error) {
        return sendProblem(c, 'malformed-json', {
          reason: error instanceof Error ? error.message : String(error),
        }) as never;
      }
      if (!Array.isArray(raw)) {
        const issues = localisedIssues(z.array(z.unknown()), raw, locale);
        return sendProblem(c, 'invalid-request', { count: issues.length }, { issues }) as never;
      }
      if (raw.length > BATCH_MAX) {
        return sendProblem(c, 'too-many-documents', { max: BATCH_MAX, count: raw.length }) as never;
      }
      entries = raw.map((item) => {
        const parsed = DocumentJsonSchema.safeParse(item);
        if (parsed.success) return fromJson(parsed.data);
        const issues = localisedIssues(DocumentJsonSchema, item, locale);
        const name = (item as { name?: unknown } | null)?.name;
        return {
          slug: 'invalid-request' as const,
          params: { count: issues.length },
          extra: { issues },
          ...(typeof name === 'string' ? { name } : {}),
        };
      });
    } else if (type === 'multipart/form-data') {
      const form = await readForm(c);
      if (!form) return sendProblem(c, 'bad-request', { reason: badMultipart(locale) }) as never;
      const files = Object.values(form)
        .flat()
        .filter((v): v is File => v instanceof File);
      if (files.length === 0) {
        return sendProblem(c, 'bad-request', { reason: noFile(locale) }) as never;
      }
      if (files.length > BATCH_MAX) {
        return sendProblem(c, 'too-many-documents', {
          max: BATCH_MAX,
          count: files.length,
        }) as never;
      }
      entries = await Promise.all(
        files.map((f) =>
          fromFile(f).catch((): Failure & { name?: string } => ({
            slug: 'bad-request',
            params: { reason: badCharset(locale, parseContentType(f.type).charset ?? '') },
            ...(f.name ? { name: f.name } : {}),
          })),
        ),
      );
    } else {
      return sendProblem(c, 'unsupported-media-type', {
        type,
        accepted: BATCH_TYPES.join(', '),
      }) as never;
    }

    // Every document of the batch goes to the runner at once, under the request's one
    // deadline: taken round-robin with other clients' documents, dropped if the client
    // hangs up; a document that fails has its problem in its slot.
    const docs = entries.flatMap((entry, index) => ('slug' in entry ? [] : [{ entry, index }]));
    const settled = await runJobs(
      c,
      runner,
      docs.map(({ entry }) => ({
        job: checkJob(entry, locale, withProvenance),
        kind: entry.input.kind,
      })),
    );
    if (settled instanceof Response) return settled as never;
    const outcomes = new Map(docs.map(({ index }, i) => [index, settled[i]!]));

    // The results are assembled as JSON text: each document's answer was serialised where
    // it was made, and big answers are not parsed and serialised again here.
    const parts: string[] = [];
    const totals = { errors: 0, warnings: 0, infos: 0, notes: 0, total: 0 };
    let failed = 0;
    for (const [index, entry] of entries.entries()) {
      const name = entry.name !== undefined ? { name: entry.name } : {};
      const outcome = 'slug' in entry ? ({ ok: false, ...entry } as const) : outcomes.get(index)!;
      if (outcome.ok) {
        const { json, summary } = outcome.result;
        const head = JSON.stringify({ index, ...name, ok: true });
        parts.push(json.length > 2 ? `${head.slice(0, -1)},${json.slice(1)}` : head);
        totals.errors += summary.errors;
        totals.warnings += summary.warnings;
        totals.infos += summary.infos;
        totals.notes += summary.notes;
        totals.total += summary.total;
        if (summary.found === false) failed++;
      } else {
        failed++;
        parts.push(
          JSON.stringify({
            index,
            ...name,
            ok: false,
            problem: problem(outcome.slug, locale, outcome.params, outcome.extra ?? {}),
          }),
        );
      }
    }
    const summary = {
      ok: totals.errors === 0 && failed === 0,
      ...totals,
      documents: entries.length,
      failed,
    };
    return c.body(`{"results":[${parts.join(',')}],"summary":${JSON.stringify(summary)}}`, 200, {
      'Content-Type': 'application/json',
    }) as never;
  });

  return router;
}
