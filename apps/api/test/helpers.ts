import type { Store } from 'hono-rate-limiter';
import { type AppDeps, createApp } from '../src/app.ts';
import type { AppEnv } from '../src/context.ts';
import { loadConfig } from '../src/env.ts';
import { memoryLogger } from '../src/logger.ts';

/** An app with the real configuration defaults (env overrides), logging into memory. */
export function testApp(
  env: Record<string, string> = {},
  deps: Partial<Omit<AppDeps, 'config' | 'logger'>> & { rateLimitStore?: Store<AppEnv> } = {},
) {
  const logger = memoryLogger();
  const config = loadConfig({ RATE_LIMIT: 'off', ...env });
  const app = createApp({ config, logger, ...deps });
  return { app, logger, config };
}

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  body: typeof body === 'string' ? body : JSON.stringify(body),
  headers: { 'Content-Type': 'application/json', ...headers },
});

export const PROBLEM_TYPE = /^application\/problem\+json/;
