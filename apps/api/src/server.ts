/**
 * The API server: `node apps/api/dist/server.js` (bundled) or
 * `tsx --conditions=@nianbao/source apps/api/src/server.ts`. Reads the environment once
 * (see env.ts), serves the API and the built web app, and on SIGINT/SIGTERM stops
 * accepting and finishes the requests in flight before exiting.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './env.ts';
import { createWorkPool } from './extract-pool.ts';
import { listen } from './listen.ts';
import { createLogger } from './logger.ts';

/** apps/web/dist beside this package, found from src/ (tsx) or dist/ (bundle). */
function defaultWebDist(): string | undefined {
  const candidate = fileURLToPath(new URL('../../web/dist', import.meta.url));
  return existsSync(candidate) ? candidate : undefined;
}

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`nianbao api: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

const logger = createLogger({ level: config.logLevel });
const webDist = config.webDist ?? defaultWebDist();
// Bundled (dist/), documents are read and checked in worker threads (fair, with time,
// memory and queue limits); from the TypeScript source (tsx, dev) there is no worker
// script and they are handled in-process.
const workerUrl = new URL('./extract-worker.js', import.meta.url);
const pool = existsSync(workerUrl)
  ? createWorkPool({
      workerUrl,
      size: config.extract.workers,
      timeoutMs: config.extract.timeoutMs,
      queuePerClient: config.extract.queuePerClient,
      heapMb: config.extract.heapMb,
    })
  : undefined;
const app = createApp({
  config: { ...config, ...(webDist ? { webDist } : {}) },
  logger,
  ...(pool ? { pool } : {}),
});

let running: Awaited<ReturnType<typeof listen>>;
try {
  running = await listen(app.fetch, { port: config.port, host: config.host, logger });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'EADDRINUSE'
      ? `port ${config.port} on ${config.host} is already in use (set PORT to another port)`
      : code === 'EADDRNOTAVAIL'
        ? `HOST ${config.host} is not an address of this machine`
        : String(error);
  process.stderr.write(`nianbao api: cannot listen: ${why}\n`);
  process.exit(1);
}

logger.info({
  msg: 'listening',
  url: running.url,
  web: webDist ? 'built web app' : 'landing page (web app not built)',
  rateLimit: config.rateLimit.enabled
    ? `${config.rateLimit.max}/${config.rateLimit.windowMs}ms`
    : 'off',
  bodyLimit: config.bodyLimit,
  extraction: pool
    ? `${config.extract.workers} workers (+1 kept for clients with nothing running) of ${config.extract.heapMb} MB, ${config.extract.timeoutMs} ms per document, ${config.requestDeadlineMs} ms per request, ${config.extract.queuePerClient} documents per client`
    : 'in-process',
});
process.stdout.write(`nianbao: serving ${running.url}  (docs: ${running.url}/docs)\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    logger.info({ msg: 'shutting down', signal });
    const clean = await running.shutdown(config.shutdownTimeoutMs);
    await pool?.close();
    logger.info({ msg: 'stopped', clean });
    process.exit(clean ? 0 : 1);
  });
}
