import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from './errors.ts';
import type { ExtractResult } from './extract-node.ts';
import type { Input } from './inputs.ts';
import { type Acquired, acquire, type ReadOptions, readInput } from './read.ts';

/** Reads inputs: fetched or read here, parsed on isolated worker threads. */
export interface Reader {
  read(input: Input): Promise<ExtractResult[]>;
  close(): Promise<void>;
  /** Worker threads in use (0 = in this thread: only when running from source, without the bundle). */
  threads: number;
}

/** How each document is isolated: workers, a heap cap and a time limit per document. */
export interface Isolation {
  /** Worker threads (at least one: every document is parsed on a worker). */
  threads: number;
  /** Time limit of one document on its worker, in milliseconds. */
  fileTimeoutMs: number;
  /** Heap cap of each worker (`resourceLimits.maxOldGenerationSizeMb`). */
  heapMb: number;
}

export const DEFAULT_ISOLATION: Isolation = { threads: 2, fileTimeoutMs: 20_000, heapMb: 512 };

/**
 * The worker entry of the bundle (dist/worker.mjs; this module may sit in dist/chunks/);
 * absent only when running from source (unit tests), where documents are read in this thread.
 */
function workerFile(): string | undefined {
  for (const rel of ['./worker.mjs', '../worker.mjs']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return file;
  }
  return undefined;
}

interface Job {
  id: number;
  source: string;
  acquired: Acquired;
  resolve(results: ExtractResult[]): void;
  reject(error: InputError): void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
  /** Terminated or died: its late events are ignored. */
  dead: boolean;
}

type Locale = ReadOptions['locale'];

function timeoutError(source: string, ms: number, locale: Locale): InputError {
  const s = Math.round(ms / 100) / 10;
  return new InputError(
    'FILE_TIMEOUT',
    locale === 'en'
      ? `${source} was not read within ${s} s (--file-timeout); reading it was stopped`
      : `${source} 未能在 ${s} 秒内读完（--file-timeout），已停止读取该文件`,
  );
}

function crashError(source: string, detail: string, heapMb: number, locale: Locale): InputError {
  if (detail === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new InputError(
      'TOO_LARGE',
      locale === 'en'
        ? `reading ${source} needed more than the ${heapMb} MB memory limit (a decompression bomb or an oversized document?); reading it was stopped`
        : `读取 ${source} 所需内存超过 ${heapMb} MB 上限（可能是压缩炸弹或过大的文档），已停止读取该文件`,
    );
  }
  return new InputError(
    'FILE_CRASHED',
    locale === 'en'
      ? `the reader stopped while reading ${source} (${detail}); this file was skipped`
      : `读取 ${source} 时读取线程意外终止（${detail}），已跳过该文件`,
  );
}

/**
 * A long-lived pool of `isolation.threads` workers, one document each at a time. A
 * document that makes its worker crash, run out of heap or pass the time limit becomes
 * that document's error (FILE_CRASHED, TOO_LARGE, FILE_TIMEOUT); the worker is
 * terminated and replaced, and every other document is read as usual. Fetching and
 * file reading (bounded by --timeout and --max-bytes) stay on this thread.
 */
export function createReader(isolation: Isolation, options: ReadOptions): Reader {
  const file = workerFile();
  if (!file) {
    return { read: (input) => readInput(input, options), close: async () => {}, threads: 0 };
  }
  const threads = Math.max(1, isolation.threads);
  const queue: Job[] = [];
  let closing = false;
  let nextId = 0;
  // Workers that died before reading anything: a broken bundle must not respawn forever.
  let idleDeaths = 0;

  const finish = (slot: Slot, outcome: { results?: ExtractResult[]; error?: InputError }) => {
    const job = slot.job;
    if (!job) return;
    slot.job = undefined;
    clearTimeout(slot.timer);
    if (outcome.error) job.reject(outcome.error);
    else job.resolve(outcome.results ?? []);
  };

  const replace = (slot: Slot) => {
    slot.dead = true;
    const i = slots.indexOf(slot);
    void slot.worker.terminate();
    if (i >= 0 && !closing) {
      slots[i] = spawn();
      pump();
    }
  };

  const spawn = (): Slot => {
    const slot: Slot = {
      worker: new Worker(file, {
        resourceLimits: { maxOldGenerationSizeMb: isolation.heapMb },
        stdout: false,
        stderr: false,
      }),
      dead: false,
    };
    slot.worker.unref();
    slot.worker.on(
      'message',
      (msg: {
        id: number;
        results?: ExtractResult[];
        error?: { code: string; message: string };
      }) => {
        if (slot.dead || slot.job?.id !== msg.id) return;
        finish(
          slot,
          msg.error
            ? { error: new InputError(msg.error.code, msg.error.message) }
            : { results: msg.results ?? [] },
        );
        pump();
      },
    );
    const died = (detail: string) => {
      if (slot.dead) return;
      if (slot.job)
        finish(slot, {
          error: crashError(slot.job.source, detail, isolation.heapMb, options.locale),
        });
      else if (++idleDeaths > 3 * threads) {
        closing = true;
        for (const job of queue.splice(0))
          job.reject(crashError(job.source, detail, isolation.heapMb, options.locale));
      }
      replace(slot);
    };
    slot.worker.on('error', (error: Error & { code?: string }) =>
      died(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? error.code : (error.message ?? String(error)),
      ),
    );
    slot.worker.on('exit', (code) => died(`exit code ${code}`));
    return slot;
  };

  const pump = () => {
    for (const slot of slots) {
      if (slot.dead || slot.job) continue;
      const job = queue.shift();
      if (!job) return;
      slot.job = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        if (slot.job !== job) return;
        finish(slot, { error: timeoutError(job.source, isolation.fileTimeoutMs, options.locale) });
        replace(slot);
      }, isolation.fileTimeoutMs);
      slot.worker.postMessage({ id: job.id, acquired: job.acquired, options });
    }
    for (const slot of slots) if (!slot.job && !slot.dead) slot.worker.unref();
  };

  const slots: Slot[] = Array.from({ length: threads }, spawn);
  return {
    threads,
    async read(input) {
      const acquired = await acquire(input, options);
      return new Promise<ExtractResult[]>((resolve, reject) => {
        if (closing) {
          reject(crashError(input.source, 'no reader thread', isolation.heapMb, options.locale));
          return;
        }
        queue.push({ id: nextId++, source: input.source, acquired, resolve, reject });
        pump();
      });
    },
    async close() {
      closing = true;
      await Promise.all(
        slots.map((s) => {
          s.dead = true;
          return s.worker.terminate();
        }),
      );
    },
  };
}
