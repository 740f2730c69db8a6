/**
 * The only place that reads environment variables. `loadConfig(process.env)` validates
 * them once at start; a bad value is a `ConfigError` naming every offending variable,
 * which `server.ts` prints before exiting with code 1.
 *
 * @example
 * const config = loadConfig({ PORT: '9000', RATE_LIMIT: 'off' });
 */
import { z } from 'zod';

const MB = 1024 * 1024;

/** `10mb`, `512kb`, `1048576` → bytes. */
function parseSize(value: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(value);
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? MB : unit === 'g' ? 1024 * MB : 1;
  return Math.floor(Number(m[1]) * factor);
}

const onOff = (fallback: boolean) =>
  z
    .enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'], {
      error: 'expected on/off (or true/false, 1/0, yes/no)',
    })
    .default(fallback ? 'on' : 'off')
    .transform((v) => ['on', 'true', '1', 'yes'].includes(v));

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `expected a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const EnvSchema = z.object({
  PORT: int(0, 65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  BODY_LIMIT: z
    .string()
    .default('10mb')
    .transform((v, ctx) => {
      const bytes = parseSize(v);
      if (bytes === undefined || bytes < 1) {
        ctx.addIssue({ code: 'custom', message: 'expected a size such as 10mb, 512kb or 1048576' });
        return z.NEVER;
      }
      return bytes;
    }),
  RATE_LIMIT: onOff(true),
  RATE_LIMIT_MAX: int(1, 1_000_000).default(300),
  RATE_LIMIT_WINDOW_MS: int(1000, 86_400_000).default(60_000),
  TRUST_PROXY: onOff(false),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'], {
      error: 'expected one of debug, info, warn, error, silent',
    })
    .default('info'),
  CORS_ORIGINS: z
    .string()
    .default('http://127.0.0.1:5173,http://localhost:5173')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  WEB_DIST: z.string().optional(),
  SHUTDOWN_TIMEOUT_MS: int(0, 600_000).default(10_000),
  EXTRACT_TIMEOUT_MS: int(100, 600_000).default(20_000),
  EXTRACT_WORKERS: int(1, 64).default(2),
  REQUEST_DEADLINE_MS: int(100, 3_600_000).default(60_000),
  QUEUE_PER_CLIENT: int(1, 100_000).default(100),
  WORKER_HEAP_MB: int(32, 65_536).default(512),
});

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** The validated configuration of the API. */
export interface Config {
  port: number;
  host: string;
  /** Largest accepted request body, in bytes (default 10 MB). */
  bodyLimit: number;
  rateLimit: { enabled: boolean; max: number; windowMs: number };
  /** Take the client address from `X-Forwarded-For` (only behind a proxy you run). */
  trustProxy: boolean;
  logLevel: LogLevel;
  /** Web origins allowed by CORS besides `chrome-extension://` ones and the server's own. */
  corsOrigins: string[];
  /** Folder of the built web app served at `/`; none → a small page linking to /docs. */
  webDist?: string;
  shutdownTimeoutMs: number;
  /**
   * Document work (bundled server): one document at most `timeoutMs`, in one of `workers`
   * threads with at most `heapMb` of heap each; a client at most `queuePerClient` documents
   * waiting or in work.
   */
  extract: { timeoutMs: number; workers: number; queuePerClient: number; heapMb: number };
  /** All the document work of one request (waiting included) ends by then. */
  requestDeadlineMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment; throws `ConfigError` listing every bad variable. Empty strings count as unset. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(
    Object.keys(EnvSchema.shape)
      .map((k) => [k, env[k]?.trim()] as const)
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? '');
        return `${name}=${JSON.stringify(env[name] ?? '')}: ${i.message}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    bodyLimit: e.BODY_LIMIT,
    rateLimit: { enabled: e.RATE_LIMIT, max: e.RATE_LIMIT_MAX, windowMs: e.RATE_LIMIT_WINDOW_MS },
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    corsOrigins: e.CORS_ORIGINS,
    ...(e.WEB_DIST ? { webDist: e.WEB_DIST } : {}),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    extract: {
      timeoutMs: e.EXTRACT_TIMEOUT_MS,
      workers: e.EXTRACT_WORKERS,
      queuePerClient: e.QUEUE_PER_CLIENT,
      heapMb: e.WORKER_HEAP_MB,
    },
    requestDeadlineMs: e.REQUEST_DEADLINE_MS,
  };
}
