/**
 * `createApp(deps)` builds the nianbao API as a Hono app, with no listener: tests call
 * `app.request(...)`, `server.ts` serves it with @hono/node-server.
 *
 * @example
 * const app = createApp({ config: loadConfig(process.env), logger: createLogger() });
 * const res = await app.request('/api/v1/validate', { method: 'POST', body: JSON.stringify(report), headers: { 'Content-Type': 'application/json' } });
 */
import { setMaxListeners } from 'node:events';
import { getConnInfo } from '@hono/node-server/conninfo';
import { OpenAPIHono } from '@hono/zod-openapi';
import { charsetFromContentType, isKnownCharset } from '@nianbao/extract/door';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { rateLimiter, type Store } from 'hono-rate-limiter';
import type { AppEnv } from './context.ts';
import { acceptedTypesFor } from './documents.ts';
import type { Config } from './env.ts';
import { ClientGone, DeadlineExceeded, inlineRunner, type Runner } from './extract-pool.ts';
import { type Extractor, nodeExtractor } from './extractor.ts';
import { negotiateLocale } from './locale.ts';
import type { Logger } from './logger.ts';
import { sendProblem } from './problem.ts';
import { checkRoutes } from './routes/check.ts';
import { docsRoutes, healthRoutes } from './routes/meta.ts';
import { rulesRoutes } from './routes/rules.ts';
import { validateRoutes } from './routes/validate.ts';
import { webRoutes } from './routes/web.ts';

export const API_PREFIX = '/api/v1';
export const VERSION = '0.1.0';

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export interface AppDeps {
  config: Config;
  logger: Logger;
  /** Time source for durations and uptime; `Date` by default. */
  clock?: Clock;
  /** Where the rate limiter keeps its counters; a fresh in-memory store by default. */
  rateLimitStore?: Store<AppEnv>;
  /**
   * Does the document work (reading and checking) of /check, /check/batch and /validate:
   * the worker pool of extract-pool.ts in the server. Without one, the work runs in this
   * thread with `extractor`.
   */
  pool?: Runner;
  /** Reads a document into a report when there is no pool; @nianbao/extract's Node entry by default. */
  extractor?: Extractor;
}

const UTF8 = /^(utf-?8|unicode-1-1-utf-8)$/i;

/** The client address for the rate limiter: the socket's, or X-Forwarded-For's first hop behind a trusted proxy. */
function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}

const isAllowedOrigin = (origin: string, allowed: readonly string[]) =>
  origin.startsWith('chrome-extension://') ||
  allowed.includes(origin) ||
  /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(origin);

export function createApp(deps: AppDeps) {
  const { config, logger } = deps;
  const clock = deps.clock ?? { now: () => Date.now() };
  const startedAt = clock.now();
  const app = new OpenAPIHono<AppEnv>();

  app.use('*', requestId());
  // One deadline per request, for all its document work, waiting included; and the
  // signal that stops that work when the client hangs up.
  app.use('*', async (c, next) => {
    const controller = new AbortController();
    // Every document of a batch listens to it.
    setMaxListeners(0, controller.signal);
    const fromClient = c.req.raw.signal;
    const gone = () => controller.abort(new ClientGone());
    if (fromClient.aborted) gone();
    else fromClient.addEventListener('abort', gone, { once: true });
    const timer = setTimeout(
      () => controller.abort(new DeadlineExceeded(config.requestDeadlineMs)),
      config.requestDeadlineMs,
    );
    c.set('signal', controller.signal);
    c.set('client', clientAddress(c, config.trustProxy));
    try {
      await next();
    } finally {
      clearTimeout(timer);
      fromClient.removeEventListener('abort', gone);
    }
  });
  app.use('*', async (c, next) => {
    c.set('locale', negotiateLocale(c.req.query('locale'), c.req.header('accept-language')));
    await next();
    c.header('Content-Language', c.get('locale'));
    c.header('Vary', 'Accept-Language', { append: true });
  });
  // One line per request: never the body, never the query string (it may carry a URL).
  app.use('*', async (c, next) => {
    const start = clock.now();
    await next();
    logger.info({
      msg: 'request',
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: clock.now() - start,
    });
  });

  app.use(
    `${API_PREFIX}/*`,
    cors({
      origin: (origin) => (isAllowedOrigin(origin, config.corsOrigins) ? origin : null),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Accept-Language', 'X-Request-Id'],
      exposeHeaders: [
        'X-Request-Id',
        'Content-Language',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
        'Retry-After',
      ],
      maxAge: 600,
    }),
  );

  // nosniff, frame and referrer policies on API answers; no CORP, which would get in
  // the way of the extension and other allowed origins.
  app.use(`${API_PREFIX}/*`, secureHeaders({ crossOriginResourcePolicy: false }));

  if (config.rateLimit.enabled) {
    const { max, windowMs } = config.rateLimit;
    app.use(
      `${API_PREFIX}/*`,
      rateLimiter<AppEnv>({
        windowMs,
        limit: max,
        standardHeaders: 'draft-6',
        keyGenerator: (c) => clientAddress(c, config.trustProxy),
        // Liveness probes and CORS preflights never count.
        skip: (c) => c.req.path === `${API_PREFIX}/healthz` || c.req.method === 'OPTIONS',
        handler: (c) => {
          const retry = Number(c.res.headers.get('Retry-After') ?? Math.ceil(windowMs / 1000));
          const res = sendProblem(c, 'too-many-requests', {
            max,
            window: Math.round(windowMs / 1000),
            retry,
          });
          for (const [k, v] of c.res.headers)
            if (/^(ratelimit|retry-after)/i.test(k)) res.headers.set(k, v);
          return res;
        },
        ...(deps.rateLimitStore ? { store: deps.rateLimitStore } : {}),
      }),
    );
  }

  app.use(
    `${API_PREFIX}/*`,
    bodyLimit({
      maxSize: config.bodyLimit,
      onError: (c) => sendProblem(c, 'payload-too-large', { limit: config.bodyLimit }),
    }),
  );

  // A charset label is honoured on every body, or refused: an unknown label is a 400
  // whatever the media type; JSON in another charset than UTF-8 is decoded as labelled
  // before the routes parse it.
  app.use(`${API_PREFIX}/*`, async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const header = c.req.header('content-type');
    const charset = charsetFromContentType(header);
    if (!charset) return next();
    if (!isKnownCharset(charset)) {
      const reason =
        c.get('locale') === 'en' ? `unknown charset "${charset}"` : `无法识别的字符集“${charset}”`;
      return sendProblem(c, 'bad-request', { reason });
    }
    const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
    if (!/^application\/([\w.-]+\+)?json$/.test(type) || UTF8.test(charset)) return next();
    const bytes = await c.req.raw.arrayBuffer();
    const text = new TextDecoder(charset).decode(bytes);
    const headers = new Headers(c.req.raw.headers);
    headers.set('content-type', 'application/json; charset=utf-8');
    headers.delete('content-length');
    c.req.raw = new Request(c.req.raw.url, {
      method: 'POST',
      headers,
      body: text,
      signal: c.get('signal'),
    });
    return next();
  });

  const runner = deps.pool ?? inlineRunner(deps.extractor ?? nodeExtractor);
  const health = { version: VERSION, startedAt, now: clock.now };
  app.route(API_PREFIX, healthRoutes({ ...health, documented: true }));
  app.route('/', healthRoutes({ ...health, documented: false }));
  app.route(API_PREFIX, validateRoutes(runner));
  app.route(API_PREFIX, checkRoutes(runner));
  app.route(API_PREFIX, rulesRoutes());

  const openApiConfig = {
    openapi: '3.1.0' as const,
    info: {
      title: 'nianbao API',
      version: VERSION,
      description:
        "校验政府信息公开工作年度报告。Checks China's annual reports on open government information (政府信息公开工作年度报告) against the official formats. Errors are RFC 9457 problem+json with a stable `type` (urn:nianbao:problem:…); messages are zh-CN by default, en with `?locale=en` or Accept-Language.",
    },
    tags: [
      { name: 'check', description: 'Check reports / 校验年报' },
      { name: 'catalogue', description: 'Rules and the report model / 规则与数据模型' },
      { name: 'service', description: 'Service / 服务' },
    ],
  };
  // Generated from the zod schemas of every route, once, on first request.
  let openApiDocument: string | undefined;
  const serveOpenApi = (c: Context<AppEnv>) => {
    if (!openApiDocument) {
      const doc = app.getOpenAPI31Document(openApiConfig);
      // /check declares its body optional only so that zod-openapi does not validate
      // HTML or text as JSON (routes/check.ts); a body is required.
      const checkBody = doc.paths?.[`${API_PREFIX}/check`]?.post?.requestBody;
      if (checkBody && 'content' in checkBody) checkBody.required = true;
      openApiDocument = JSON.stringify(doc);
    }
    return c.body(openApiDocument, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  };
  app.get(`${API_PREFIX}/openapi.json`, serveOpenApi);
  app.get('/openapi.json', serveOpenApi);
  app.route('/', docsRoutes('/docs', `${API_PREFIX}/openapi.json`));
  app.route('/', docsRoutes(`${API_PREFIX}/docs`, `${API_PREFIX}/openapi.json`));
  app.route('/', webRoutes(config.webDist));

  const allowed = allowedMethods(app.routes);
  app.notFound((c) => {
    const allow = allowed(c.req.path);
    if (allow.length > 0 && !allow.includes(c.req.method)) {
      const res = sendProblem(c, 'method-not-allowed', {
        method: c.req.method,
        path: c.req.path,
        allow: allow.join(', '),
      });
      res.headers.set('Allow', allow.join(', '));
      return res;
    }
    return sendProblem(c, 'not-found', { method: c.req.method, path: c.req.path });
  });

  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      if (err.status === 400) return sendProblem(c, 'malformed-json', { reason: err.message });
      if (err.status === 413)
        return sendProblem(c, 'payload-too-large', { limit: config.bodyLimit });
      if (err.status === 415) {
        return sendProblem(c, 'unsupported-media-type', {
          type: c.req.header('content-type') ?? '',
          accepted: acceptedTypesFor(c.req.path).join(', '),
        });
      }
    }
    // The body could not be read because the client broke the request (bad chunking,
    // a connection cut mid-body): the client's doing, answered (if it still listens)
    // and logged as such, not as a 500 with a stack.
    if (c.req.raw.signal.aborted || c.get('signal')?.reason instanceof ClientGone) {
      logger.info({
        msg: 'request body unreadable',
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        reason: err instanceof Error ? err.message : String(err),
      });
      return sendProblem(c, 'malformed-request', {
        reason: err instanceof Error ? err.message : String(err),
      });
    }
    logger.error({
      msg: 'unhandled error',
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      stack: err instanceof Error ? err.stack : undefined,
    });
    return sendProblem(c, 'internal');
  });

  return app;
}

/** From the registered routes: which methods a path supports (for 405 and `Allow`). */
function allowedMethods(routes: ReadonlyArray<{ method: string; path: string }>) {
  const patterns = new Map<string, { re: RegExp; methods: Set<string> }>();
  for (const { method, path } of routes) {
    if (method === 'ALL' || path.includes('*')) continue;
    let entry = patterns.get(path);
    if (!entry) {
      const source = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+');
      entry = { re: new RegExp(`^${source}$`), methods: new Set() };
      patterns.set(path, entry);
    }
    entry.methods.add(method);
    if (method === 'GET') entry.methods.add('HEAD');
  }
  return (path: string) => {
    const methods = new Set<string>();
    for (const { re, methods: m } of patterns.values())
      if (re.test(path)) for (const x of m) methods.add(x);
    return [...methods].sort();
  };
}
