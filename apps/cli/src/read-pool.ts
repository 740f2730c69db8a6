import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkExtracted } from '@nianbao/extract/check';
import type { Finding, Report } from '@nianbao/schema';
import { InputError } from './errors.ts';
import type { ExtractResult } from './extract-node.ts';
import type { Input } from './inputs.ts';
import type { Isolation } from './isolation.ts';
import { type Acquired, acquire, type ReadOptions, readInput } from './read.ts';

export type { Isolation };

/** Reads inputs: fetched or read here, parsed and checked on isolated worker threads. */
export interface Reader {
  read(input: Input): Promise<ExtractResult[]>;
  /** check() of one report read before (with last year's report, if any), under the same limits. */
  check(source: string, extracted: ExtractResult, previous?: Report): Promise<Finding[]>;
  close(): Promise<void>;
  /** Worker threads in use (0 = in this thread: only when running from source, without the bundle). */
  threads: number;
}

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

/** What a worker is asked: read one document, or check one report. */
type Task =
  | { kind: 'read'; acquired: Acquired; options: ReadOptions }
  | {
      kind: 'check';
      source: string;
      extracted: ExtractResult;
      previous?: Report;
      locale: ReadOptions['locale'];
    };

interface Job {
  id: number;
  source: string;
  task: Task;
  resolve(value: unknown): void;
  reject(error: InputError): void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
  /** Terminated or died: its late events are ignored. */
  dead: boolean;
  /** Loaded (it said so): the time limit of a document starts only then. */
  ready: boolean;
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
  // NIANBAO_READ_IN_THREAD=1 (bench/cli only: measures what isolation costs) reads unisolated.
  if (!file || process.env.NIANBAO_READ_IN_THREAD === '1') {
    return {
      read: (input) => readInput(input, options),
      check: async (_source, extracted, previous) =>
        checkExtracted(extracted, { locale: options.locale, ...(previous ? { previous } : {}) })
          .findings,
      close: async () => {},
      threads: 0,
    };
  }
  const threads = Math.max(1, isolation.threads);
  const queue: Job[] = [];
  let closing = false;
  let nextId = 0;
  // Workers that died before reading anything: a broken bundle must not respawn forever.
  let idleDeaths = 0;

  const finish = (slot: Slot, outcome: { value?: unknown; error?: InputError }) => {
    const job = slot.job;
    if (!job) return;
    slot.job = undefined;
    clearTimeout(slot.timer);
    if (outcome.error) job.reject(outcome.error);
    else job.resolve(outcome.value ?? []);
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
      ready: false,
    };
    slot.worker.unref();
    slot.worker.on(
      'message',
      (msg: {
        id: number;
        results?: ExtractResult[];
        findings?: Finding[];
        error?: { code: string; message: string };
        ready?: boolean;
      }) => {
        if (msg.ready) {
          slot.ready = true;
          idleDeaths = 0;
          pump();
          return;
        }
        if (slot.dead || slot.job?.id !== msg.id) return;
        finish(
          slot,
          msg.error
            ? { error: new InputError(msg.error.code, msg.error.message) }
            : { value: msg.results ?? msg.findings ?? [] },
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
      if (slot.dead || slot.job || !slot.ready) continue;
      const job = queue.shift();
      if (!job) return;
      slot.job = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        if (slot.job !== job) return;
        finish(slot, { error: timeoutError(job.source, isolation.fileTimeoutMs, options.locale) });
        replace(slot);
      }, isolation.fileTimeoutMs);
      slot.worker.postMessage({ id: job.id, ...job.task });
    }
    for (const slot of slots)
      if (!slot.job && !slot.dead) {
        // A worker still loading keeps the process alive while documents wait for it.
        if (slot.ready || queue.length === 0) slot.worker.unref();
        else slot.worker.ref();
      }
  };

  const submit = <T>(source: string, task: Task) =>
    new Promise<T>((resolve, reject) => {
      if (closing) {
        reject(crashError(source, 'no reader thread', isolation.heapMb, options.locale));
        return;
      }
      queue.push({ id: nextId++, source, task, resolve: resolve as (v: unknown) => void, reject });
      pump();
    });

  const slots: Slot[] = Array.from({ length: threads }, spawn);
  return {
    threads,
    async read(input) {
      const acquired = await acquire(input, options);
      return submit<ExtractResult[]>(input.source, { kind: 'read', acquired, options });
    },
    check(source, extracted, previous) {
      return submit<Finding[]>(source, {
        kind: 'check',
        source,
        extracted,
        ...(previous ? { previous } : {}),
        locale: options.locale,
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
