import type { HttpBindings } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Locale } from '@nianbao/schema';

/** What every handler can read from the context. */
export type AppEnv = {
  Bindings: Partial<HttpBindings>;
  Variables: { locale: Locale; requestId: string };
};

export type Router = OpenAPIHono<AppEnv>;
