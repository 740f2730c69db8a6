import { createRoute, z } from '@hono/zod-openapi';
import { check, summarize } from '@nianbao/schema';
import { localisedIssues } from '../issues.ts';
import { sendProblem } from '../problem.ts';
import { createRouter } from '../router.ts';
import { LocaleQuery, problemContent, ReportSchema, ValidateResponseSchema } from '../schemas.ts';

const route = createRoute({
  method: 'post',
  path: '/validate',
  operationId: 'validateReport',
  tags: ['check'],
  summary: 'Check a report given as JSON / 校验 JSON 格式的年报数据',
  description:
    'Runs every rule of the catalogue on a report in the model of @nianbao/schema (GET /api/v1/schema) and returns the findings, most severe first.',
  request: {
    query: z.object({ locale: LocaleQuery }),
    body: { required: true, content: { 'application/json': { schema: ReportSchema } } },
  },
  responses: {
    200: {
      description: 'The findings (an empty list when the report passes every rule)',
      content: { 'application/json': { schema: ValidateResponseSchema } },
    },
    400: problemContent('Malformed JSON'),
    413: problemContent('Body over the size limit'),
    415: problemContent('Not application/json'),
    422: problemContent('The body is not a report: issues lists what is wrong, localised'),
    429: problemContent('Over the rate limit'),
  },
});

export function validateRoutes() {
  return createRouter().openapi(
    route,
    (c) => {
      const report = c.req.valid('json');
      const findings = check(report, { locale: c.get('locale') });
      return c.json({ findings, summary: summarize(findings, report) }, 200);
    },
    (result, c) => {
      if (result.success) return;
      if (result.target !== 'json') return;
      const input = (result as { data?: unknown }).data;
      const issues = localisedIssues(ReportSchema, input, c.get('locale'));
      return sendProblem(c, 'invalid-report', { count: issues.length }, { issues }) as never;
    },
  );
}
