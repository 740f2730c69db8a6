/**
 * Response schemas for the OpenAPI document. Requests reuse `ReportSchema` of
 * @nianbao/schema as it is; these describe what the API sends back.
 */
import { z } from '@hono/zod-openapi';
import { ReportSchema } from '@nianbao/schema';
import { PROBLEMS, problemType } from './problem.ts';

export { ReportSchema };

const Severity = z.enum(['error', 'warning', 'info']);
const Bilingual = z.object({ zh: z.string(), en: z.string() });

export const FindingSchema = z
  .object({
    ruleId: z.string().openapi({ example: 'T3-COL-BALANCE' }),
    severity: Severity,
    origin: z.enum(['report', 'extraction']).openapi({
      description: "report: the author's mistake; extraction: our uncertainty reading the document",
    }),
    message: z.string().openapi({ description: 'In the requested locale' }),
    cells: z.array(z.string()).openapi({
      description: 'Cell paths involved; cells[0] is the primary one',
      example: ['applications.results.total.total'],
    }),
    expected: z.number().optional(),
    actual: z.number().optional(),
    fix: z.object({ cell: z.string(), value: z.number() }).optional().openapi({
      description: 'Present when changing one cell to value satisfies every failing equation',
    }),
    fixes: z
      .array(z.object({ cell: z.string(), value: z.number() }))
      .optional()
      .openapi({
        description:
          'Present when no single cell but exactly one pair of cells explains the failing equations: both changes together',
      }),
    fingerprint: z.string().openapi({ description: 'Stable across runs and layouts' }),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .openapi('Finding');

export const SummarySchema = z
  .object({
    ok: z.boolean().openapi({
      description:
        'True when no finding of the report is an error and a report was found (reading notes never block)',
    }),
    errors: z.number().int().openapi({ description: "The report's errors: these block upload" }),
    warnings: z.number().int(),
    infos: z.number().int(),
    notes: z.number().int().openapi({
      description: 'Reading notes (origin "extraction"): what could not be read; never errors',
    }),
    total: z.number().int(),
    found: z
      .boolean()
      .optional()
      .openapi({ description: '/check: false when no report was found' }),
    format: z.enum(['2019', '2021']).optional(),
    reportYear: z.number().int().optional(),
  })
  .openapi('Summary');

export const ValidateResponseSchema = z
  .object({ findings: z.array(FindingSchema), summary: SummarySchema })
  .openapi('ValidateResponse');

const CheckedReportSchema = z
  .object({
    found: z.boolean().openapi({
      description:
        'False when the document holds no readable report: findings is then empty and diagnostics say why',
    }),
    report: ReportSchema,
    findings: z.array(FindingSchema).openapi({
      description: 'Findings of check() on the extracted report, diagnostics included',
    }),
    diagnostics: z.array(FindingSchema).openapi({
      description: 'What the extractor could not read or had to interpret (origin: extraction)',
    }),
    summary: SummarySchema,
    provenance: z.record(z.string(), z.unknown()).optional().openapi({
      description: 'Raw cell texts and where they were read; only with ?provenance=true',
    }),
  })
  .openapi('CheckedReport');

export const CheckResponseSchema = CheckedReportSchema.extend({
  moreReports: z.number().int().openapi({
    description: 'Further reports found in the same document (a page holding several); 0 usually',
  }),
  others: z
    .array(CheckedReportSchema)
    .optional()
    .openapi({ description: 'Those further reports, checked; only with ?all=true' }),
}).openapi('CheckResponse');

export const ProblemIssueSchema = z
  .object({
    path: z.string().openapi({ example: 'applications.newReceived.total' }),
    message: z.string(),
    code: z.string().optional(),
    cell: z
      .string()
      .optional()
      .openapi({ description: 'Official row / column labels of the cell' }),
  })
  .openapi('ProblemIssue');

export const ProblemSchema = z
  .object({
    type: z
      .enum(
        Object.keys(PROBLEMS).map((slug) => problemType(slug as keyof typeof PROBLEMS)) as [
          string,
          ...string[],
        ],
      )
      .openapi({ description: 'Stable identifier of the kind of problem' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    issues: z.array(ProblemIssueSchema).optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details, title and detail localised' });

export const BatchItemSchema = z
  .union([
    CheckResponseSchema.extend({
      index: z.number().int(),
      name: z.string().optional(),
      ok: z.literal(true),
    }),
    z.object({
      index: z.number().int(),
      name: z.string().optional(),
      ok: z.literal(false),
      problem: ProblemSchema,
    }),
  ])
  .openapi('BatchItem');

export const BatchResponseSchema = z
  .object({
    results: z.array(BatchItemSchema),
    summary: SummarySchema.extend({ documents: z.number().int(), failed: z.number().int() }),
  })
  .openapi('BatchResponse');

export const RuleMetaSchema = z
  .object({
    id: z.string(),
    severity: Severity,
    formats: z.array(z.enum(['2019', '2021'])),
    tags: z.array(z.string()),
    docs: Bilingual,
    basis: z.string(),
    inferred: z.boolean().optional(),
    messages: z.record(z.string(), Bilingual),
    adjusts: z.object({ tags: z.array(z.string()), severity: Severity }).optional(),
  })
  .openapi('Rule');

export const HealthSchema = z
  .object({ status: z.literal('ok'), version: z.string(), uptimeSeconds: z.number() })
  .openapi('Health');

/** The `?locale=` parameter every endpoint accepts. */
// A string, not an enum: an unsupported locale falls back to Accept-Language, then zh-CN.
export const LocaleQuery = z
  .string()
  .optional()
  .openapi({
    param: { name: 'locale', in: 'query' },
    description:
      'Language of messages and errors: zh-CN (default) or en. When absent or unsupported, Accept-Language decides.',
    example: 'zh-CN',
  });

/** Content of a problem response, for `responses` in route definitions. */
export const problemContent = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});
