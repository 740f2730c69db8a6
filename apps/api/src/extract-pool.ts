/**
 * An Extractor that runs each document in a pool of worker threads with a time limit.
 * A document that exceeds the limit (a hostile page with thousands of nested tables,
 * say) gets an `ExtractionTimeout`; its worker is terminated and replaced, and the
 * other requests never waited on it.
 */
import { Worker } from 'node:worker_threads';
import type { ExtractInput, ExtractOptions, Extractor, ExtractResult } from './extractor.ts';

export interface WorkerTask {
  id: number;
  input: ExtractInput;
  options: ExtractOptions;
}
export type WorkerReply = { id: number; result: ExtractResult[] } | { id: number; error: string };

export class ExtractionTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`reading the document took longer than ${timeoutMs} ms`);
    this.name = 'ExtractionTimeout';
  }
}

export interface PoolOptions {
  /** The worker script (dist/extract-worker.js, or a test double speaking the same messages). */
  workerUrl: URL;
  /** Threads (default 2). */
  size?: number;
  /** Per document (default 20 s). */
  timeoutMs?: number;
}

interface Job {
  task: WorkerTask;
  resolve(result: ExtractResult[]): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** Booted: the time limit counts reading, not the worker's start-up. */
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
}

export type PooledExtractor = Extractor & { close(): Promise<void> };

export function createExtractorPool({
  workerUrl,
  size = 2,
  timeoutMs = 20_000,
}: PoolOptions): PooledExtractor {
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const finish = (slot: Slot) => {
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.timer = undefined;
    pump();
  };

  function spawn(): Slot {
    const slot: Slot = { worker: new Worker(workerUrl), ready: false };
    slot.worker.unref();
    slot.worker.once('online', () => {
      slot.ready = true;
      pump();
    });
    slot.worker.on('message', (reply: WorkerReply) => {
      const job = slot.job;
      if (!job || job.task.id !== reply.id) return;
      if ('result' in reply) job.resolve(reply.result);
      else job.reject(new Error(reply.error));
      finish(slot);
    });
    // A worker that dies (out of memory, a crash in a native parser) takes its job
    // with it; the slot gets a fresh worker.
    slot.worker.on('error', (error) => slot.job?.reject(error));
    slot.worker.on('exit', () => {
      if (closed) return;
      const i = slots.indexOf(slot);
      if (i < 0) return;
      slot.job?.reject(new Error('the extraction worker stopped'));
      clearTimeout(slot.timer);
      slots[i] = spawn();
      pump();
    });
    return slot;
  }

  function pump() {
    if (closed) return;
    for (const slot of slots) {
      if (!slot.ready || slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => {
        job.reject(new ExtractionTimeout(timeoutMs));
        const i = slots.indexOf(slot);
        if (i >= 0) slots[i] = spawn();
        void slot.worker.terminate();
        pump();
      }, timeoutMs);
      slot.worker.postMessage(job.task);
    }
  }

  for (let i = 0; i < Math.max(1, size); i++) slots.push(spawn());

  const extractor = ((input: ExtractInput, options: ExtractOptions) =>
    new Promise<ExtractResult[]>((resolve, reject) => {
      if (closed) return reject(new Error('the extractor pool is closed'));
      queue.push({ task: { id: nextId++, input, options }, resolve, reject });
      pump();
    })) as PooledExtractor;
  extractor.close = async () => {
    closed = true;
    for (const job of queue.splice(0)) job.reject(new Error('the extractor pool is closed'));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  };
  return extractor;
}
