import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

const landingPage = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>nianbao 年报校验</title>
<style>
body { font: 16px/1.6 system-ui, "Noto Sans CJK SC", sans-serif; max-width: 44rem; margin: 3rem auto; padding: 0 1rem; color: #1f2328; }
code, pre { background: #f6f8fa; border-radius: 4px; }
pre { padding: .75rem; overflow-x: auto; }
h1 small { font-weight: normal; color: #59636e; }
</style>
</head>
<body>
<h1>nianbao 年报校验 <small>/ annual report checker</small></h1>
<p>校验政府信息公开工作年度报告：表格勾稽关系、格式、章节编号、发布时限。</p>
<p lang="en">Checks China's annual reports on open government information: table arithmetic, format, section numbering, deadlines.</p>
<p>网页填报表单尚未构建（<code>npm run build -w @nianbao/web</code>）。现在可以使用 API：<br>
<span lang="en">The web form has not been built yet. The API is available now:</span></p>
<ul>
<li><a href="/docs">/docs</a> — 接口文档 / API documentation (Swagger UI)</li>
<li><a href="/api/v1/openapi.json">/api/v1/openapi.json</a> — OpenAPI 3.1</li>
<li><a href="/api/v1/rules">/api/v1/rules</a> — 规则目录 / rule catalogue</li>
<li><a href="/api/v1/schema">/api/v1/schema</a> — 数据模型 / report model (JSON Schema)</li>
</ul>
<pre>curl -X POST -H 'Content-Type: text/html' --data-binary @report.html http://127.0.0.1:8787/api/v1/check</pre>
</body>
</html>
`;

/**
 * `/` and everything outside `/api`: the built web app when `webDist` holds an
 * index.html (unknown paths fall back to it, for client-side routing), otherwise a
 * small bilingual page that links to the API and its docs.
 */
export function webRoutes(webDist: string | undefined) {
  const web = new Hono<AppEnv>();
  const root = webDist ? resolve(webDist) : undefined;
  const index = root ? join(root, 'index.html') : undefined;
  if (!root || !index || !existsSync(index)) {
    web.get('/', (c) => c.html(landingPage));
    return web;
  }
  const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
  const files = serveStatic({ root });
  web.use('*', (c, next) => (isApi(c.req.path) ? next() : files(c, next)));
  web.get('*', async (c, next) => {
    // Only page navigations fall back to the app; a missing asset or API path stays a 404.
    if (isApi(c.req.path) || /\.[a-z0-9]+$/i.test(c.req.path)) return next();
    return c.html(await readFile(index, 'utf8'));
  });
  return web;
}
