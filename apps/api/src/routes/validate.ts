import { createRoute, z } from '@hono/zod-openapi';
import type { Runner } from '../extract-pool.ts';
import { localisedIssues } from '../issues.ts';
import { sendProblem } from '../problem.ts';
import { createRouter } from '../router.ts';
import { LocaleQuery, problemContent, ReportSchema, ValidateResponseSchema } from '../schemas.ts';
import { runJobs, sendFailure } from '../work.ts';

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

export function validateRoutes(runner: Runner) {
  return createRouter().openapi(
    route,
    async (c) => {
      // The rules run in the worker pool, like a document's, under the request's deadline.
      const job = {
        kind: 'validate' as const,
        report: c.req.valid('json'),
        locale: c.get('locale'),
      };
      const settled = await runJobs(c, runner, [{ job, kind: 'json' }]);
      if (settled instanceof Response) return settled as never;
      const [outcome] = settled;
      if (!outcome!.ok) return sendFailure(c, outcome!) as never;
      return c.body(outcome!.result.json, 200, { 'Content-Type': 'application/json' }) as never;
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
