/**
 * One JSON object per line on stdout (stderr for warn and error). Request bodies never
 * reach the logger: the request log carries method, path, status, duration and id only.
 */
import type { LogLevel } from './env.ts';

export type LogFields = Record<string, unknown> & { msg: string };

export interface Logger {
  debug(fields: LogFields): void;
  info(fields: LogFields): void;
  warn(fields: LogFields): void;
  error(fields: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go; stdout/stderr by default. */
  write?: (line: string, level: Exclude<LogLevel, 'silent'>) => void;
  now?: () => number;
}

export function createLogger({
  level = 'info',
  write = (line, lvl) =>
    (lvl === 'warn' || lvl === 'error' ? process.stderr : process.stdout).write(line),
  now = Date.now,
}: LoggerOptions = {}): Logger {
  const emit = (lvl: Exclude<LogLevel, 'silent'>) => (fields: LogFields) => {
    if (RANK[lvl] < RANK[level]) return;
    write(
      `${JSON.stringify({ time: new Date(now()).toISOString(), level: lvl, ...fields })}\n`,
      lvl,
    );
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger that keeps its lines in memory, for tests. */
export function memoryLogger(): Logger & { lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line)) });
  return Object.assign(logger, { lines });
}
