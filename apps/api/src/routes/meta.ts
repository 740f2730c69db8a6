import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createRoute } from '@hono/zod-openapi';
import { createRouter } from '../router.ts';
import { HealthSchema } from '../schemas.ts';

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['service'],
  summary: 'Liveness / 存活检查',
  responses: {
    200: {
      description: 'The server is up',
      content: { 'application/json': { schema: HealthSchema } },
    },
  },
});

export function healthRoutes(options: {
  version: string;
  startedAt: number;
  now: () => number;
  /** false for the root alias /healthz, kept out of the OpenAPI document. */
  documented: boolean;
}) {
  const route = {
    ...healthRoute,
    ...(options.documented ? { operationId: 'health' } : { hide: true }),
  };
  return createRouter().openapi(route, (c) =>
    c.json(
      {
        status: 'ok' as const,
        version: options.version,
        uptimeSeconds: Math.round((options.now() - options.startedAt) / 1000),
      },
      200,
    ),
  );
}

// Swagger UI comes from the swagger-ui-dist package in node_modules, never from a CDN:
// the docs page must render on an intranet with no internet access.
const SWAGGER_FILES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

function swaggerDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('swagger-ui-dist/package.json'));
}

const docsPage = (base: string) => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>nianbao API 文档 / API docs</title>
<link rel="stylesheet" href="${base}/assets/swagger-ui.css">
<link rel="icon" type="image/png" href="${base}/assets/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${base}/assets/swagger-ui-bundle.js"></script>
<script src="${base}/assets/init.js"></script>
</body>
</html>
`;

const initScript = (specUrl: string) => `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(specUrl)},
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: true,
});
`;

/** GET <base> (Swagger UI) and <base>/assets/* (its files), reading `specUrl`. */
export function docsRoutes(base: string, specUrl: string) {
  const dir = swaggerDir();
  const cache = new Map<string, Buffer>();
  const router = createRouter();
  router.get(base, (c) => c.html(docsPage(base)));
  router.get(`${base}/`, (c) => c.redirect(base, 301));
  router.get(`${base}/assets/init.js`, (c) =>
    c.body(initScript(specUrl), 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
  router.get(`${base}/assets/:file`, async (c, next) => {
    const file = c.req.param('file');
    const type = SWAGGER_FILES[file];
    if (!type) return next();
    let data = cache.get(file);
    if (!data) {
      data = await readFile(join(dir, file));
      cache.set(file, data);
    }
    return c.body(new Uint8Array(data), 200, {
      'Content-Type': type,
      'Cache-Control': 'public, max-age=86400',
    });
  });
  return router;
}
