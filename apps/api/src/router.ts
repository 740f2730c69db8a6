import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './context.ts';
import { localiseIssues } from './issues.ts';
import { sendProblem } from './problem.ts';

/**
 * A sub-router whose failed request validations (query, params, JSON bodies other
 * than a report) answer 422 problem+json with localised issues.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      // zod-validator passes the parsed input as `data` on failure too (its types omit it).
      const input = (result as { data?: unknown }).data;
      const issues = localiseIssues(result.error.issues, input, c.get('locale'));
      return sendProblem(c, 'invalid-request', { count: issues.length }, { issues });
    },
  });
}
