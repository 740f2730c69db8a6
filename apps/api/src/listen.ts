/**
 * Serves an app with @hono/node-server and shuts it down gracefully: stop accepting,
 * let requests in flight finish (up to a timeout), close idle keep-alive connections.
 */

import { type Server, STATUS_CODES } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { serve } from '@hono/node-server';
import type { Logger } from './logger.ts';
import { type ProblemSlug, problem } from './problem.ts';

/** What Node's HTTP parser refused, as a problem: too large headers, an unknown method, broken framing. */
function nodeReject(code: string | undefined): { slug: ProblemSlug; reason: string } {
  if (code === 'HPE_HEADER_OVERFLOW') return { slug: 'request-header-too-large', reason: code };
  if (code === 'HPE_INVALID_METHOD') return { slug: 'method-not-implemented', reason: code };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT' || code === 'HPE_HEADERS_TIMEOUT')
    return { slug: 'request-timeout', reason: code };
  return { slug: 'malformed-request', reason: code ?? 'parse error' };
}

/**
 * A minimal HTTP/1.1 answer written straight on the socket (there is no request to
 * answer through), in the default language: problem+json like every other error.
 */
export function rawProblem(slug: ProblemSlug, params: Record<string, string | number> = {}) {
  const body = JSON.stringify(problem(slug, 'zh-CN', params));
  const { status } = problem(slug, 'zh-CN');
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
    'Content-Type: application/problem+json; charset=utf-8\r\n' +
    'Content-Language: zh-CN\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  );
}

/** Node-level rejects answer problem+json and are logged as what they are, without a stack. */
function answerNodeRejects(server: Server, logger: Logger) {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    const { slug, reason } = nodeReject(error.code);
    logger.info({ msg: 'client error', code: error.code ?? error.message, problem: slug });
    const response = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
      socket.destroy();
      return;
    }
    socket.end(rawProblem(slug, { reason }));
  });
  // CONNECT is not for this server (it is no proxy).
  server.on('connect', (_request, socket: Duplex) => {
    logger.info({ msg: 'client error', code: 'CONNECT', problem: 'method-not-implemented' });
    socket.end(rawProblem('method-not-implemented'));
  });
}

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
    answerNodeRejects(server, options.logger);
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
