import { createRoute, z } from '@hono/zod-openapi';
import { ruleCatalogue } from '@nianbao/schema';
import reportJsonSchema from '@nianbao/schema/report.schema.json';
import { sendProblem } from '../problem.ts';
import { createRouter } from '../router.ts';
import { LocaleQuery, problemContent, RuleMetaSchema } from '../schemas.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/rules',
  operationId: 'listRules',
  tags: ['catalogue'],
  summary: 'The rule catalogue / 规则目录',
  description:
    'Every rule with its severity, formats, tags, one-line docs and message templates in both languages.',
  responses: {
    200: {
      description: 'All rules, in catalogue order',
      content: { 'application/json': { schema: z.object({ rules: z.array(RuleMetaSchema) }) } },
    },
    429: problemContent('Over the rate limit'),
  },
});

const oneRoute = createRoute({
  method: 'get',
  path: '/rules/{id}',
  operationId: 'getRule',
  tags: ['catalogue'],
  summary: 'One rule / 单条规则',
  request: {
    params: z.object({
      id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'T3-COL-BALANCE' }),
    }),
    query: z.object({ locale: LocaleQuery }),
  },
  responses: {
    200: { description: 'The rule', content: { 'application/json': { schema: RuleMetaSchema } } },
    404: problemContent('No rule has this id'),
    429: problemContent('Over the rate limit'),
  },
});

const schemaRoute = createRoute({
  method: 'get',
  path: '/schema',
  operationId: 'getReportSchema',
  tags: ['catalogue'],
  summary: 'JSON Schema of the report model / 年报数据模型的 JSON Schema',
  description:
    'Generated from the zod model of @nianbao/schema (draft 2020-12). POST /validate accepts exactly this.',
  responses: {
    200: {
      description: 'The JSON Schema',
      content: { 'application/schema+json': { schema: z.record(z.string(), z.unknown()) } },
    },
    429: problemContent('Over the rate limit'),
  },
});

export function rulesRoutes() {
  const catalogue = ruleCatalogue();
  const byId = new Map(catalogue.map((r) => [r.id.toUpperCase(), r]));
  const schemaText = JSON.stringify(reportJsonSchema);
  return createRouter()
    .openapi(listRoute, (c) => c.json({ rules: catalogue }, 200))
    .openapi(oneRoute, (c) => {
      const { id } = c.req.valid('param');
      const rule = byId.get(id.toUpperCase());
      if (!rule) return sendProblem(c, 'rule-not-found', { id }) as never;
      return c.json(rule, 200);
    })
    .openapi(
      schemaRoute,
      (c) =>
        c.body(schemaText, 200, {
          'Content-Type': 'application/schema+json; charset=utf-8',
        }) as never,
    );
}
