import type { HttpBindings } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Locale } from '@nianbao/schema';

/** What every handler can read from the context. */
export type AppEnv = {
  Bindings: Partial<HttpBindings>;
  Variables: {
    locale: Locale;
    requestId: string;
    /** Who is asking (the socket address, or X-Forwarded-For's first hop behind a trusted proxy). */
    client: string;
    /** Aborts at the request's deadline or when its client hangs up; the reason says which. */
    signal: AbortSignal;
  };
};

export type Router = OpenAPIHono<AppEnv>;
