/**
 * Serves an app with @hono/node-server and shuts it down gracefully: stop accepting,
 * let requests in flight finish (up to a timeout), close idle keep-alive connections.
 */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Logger } from './logger.ts';

export interface Listening {
  server: Server;
  /** e.g. http://127.0.0.1:8787 */
  url: string;
  port: number;
  /** Stops accepting, waits for requests in flight (at most `timeoutMs`), resolves `true` when all finished. */
  shutdown(timeoutMs?: number): Promise<boolean>;
}

export function listen(
  fetch: (request: Request, env: never) => Response | Promise<Response>,
  options: { port: number; host: string; logger: Logger },
): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({
      fetch: fetch as never,
      port: options.port,
      hostname: options.host,
    }) as Server;
    server.once('error', reject);
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      let closing: Promise<boolean> | undefined;
      resolve({
        server,
        port,
        url: `http://${host}:${port}`,
        shutdown(timeoutMs = 10_000) {
          closing ??= new Promise<boolean>((done) => {
            // Keep-alive sockets with no request in flight would hold close() open; a
            // request in flight leaves its socket idle when it ends, so sweep until closed.
            const sweep = setInterval(() => server.closeIdleConnections(), 50);
            const timer = setTimeout(() => {
              options.logger.warn({
                msg: 'shutdown timed out; closing open connections',
                timeoutMs,
              });
              clearInterval(sweep);
              server.closeAllConnections();
              done(false);
            }, timeoutMs);
            timer.unref();
            server.close(() => {
              clearTimeout(timer);
              clearInterval(sweep);
              done(true);
            });
            server.closeIdleConnections();
          });
          return closing;
        },
      });
    });
  });
}
