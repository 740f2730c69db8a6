import { createRoute, z } from '@hono/zod-openapi';
import type { Runner } from '../extract-pool.ts';
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

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/;

export function validateRoutes(runner: Runner) {
  const router = createRouter();
  // Documented with the report model, but not validated here: parsing and validating
  // up to 10 MB of JSON is work for the worker pool, like checking it, under the
  // request's deadline (the main thread only passes the text on).
  router.openAPIRegistry.registerPath(route);
  router.post('/validate', async (c) => {
    const header = c.req.header('content-type') ?? '';
    const type = header.split(';')[0]!.trim().toLowerCase();
    if (!JSON_TYPE.test(type))
      return sendProblem(c, 'unsupported-media-type', {
        type: header,
        accepted: 'application/json',
      });
    const job = { kind: 'validate' as const, text: await c.req.text(), locale: c.get('locale') };
    const settled = await runJobs(c, runner, [{ job, kind: 'json' }]);
    if (settled instanceof Response) return settled;
    const [outcome] = settled;
    if (!outcome!.ok) return sendFailure(c, outcome!);
    return c.body(outcome!.result.json, 200, { 'Content-Type': 'application/json' });
  });
  return router;
}
