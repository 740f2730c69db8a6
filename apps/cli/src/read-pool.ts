import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from './errors.ts';
import type { ExtractResult } from './extract-node.ts';
import type { Input } from './inputs.ts';
import { type ReadOptions, readInput } from './read.ts';

/** Reads inputs, on reader threads when the bundle ships them, else in this thread. */
export interface Reader {
  read(input: Input): Promise<ExtractResult[]>;
  close(): Promise<void>;
  /** Threads in use (0 = in this thread). */
  threads: number;
}

interface Pending {
  resolve(results: ExtractResult[]): void;
  reject(error: InputError): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

/** The worker entry beside the bundle (dist/worker.mjs); absent when running from source. */
function workerFile(): string | undefined {
  const file = fileURLToPath(new URL('./worker.mjs', import.meta.url));
  return existsSync(file) ? file : undefined;
}

function inThread(options: ReadOptions): Reader {
  return { read: (input) => readInput(input, options), close: async () => {}, threads: 0 };
}

/**
 * A reader over `threads` worker threads (least busy first). A thread that dies
 * (a document that exhausts its memory, say) fails only its own inputs and is replaced.
 */
export function createReader(threads: number, options: ReadOptions): Reader {
  const file = workerFile();
  if (threads < 2 || !file) return inThread(options);
  let nextId = 0;
  const spawnSlot = (): Slot => {
    const slot: Slot = { worker: new Worker(file), pending: new Map() };
    slot.worker.on(
      'message',
      (msg: {
        id: number;
        results?: ExtractResult[];
        error?: { code: string; message: string };
      }) => {
        const p = slot.pending.get(msg.id);
        if (!p) return;
        slot.pending.delete(msg.id);
        if (msg.error) p.reject(new InputError(msg.error.code, msg.error.message));
        else p.resolve(msg.results ?? []);
      },
    );
    const fail = (error: unknown) => {
      for (const p of slot.pending.values()) {
        p.reject(
          new InputError(
            'READER_CRASHED',
            `the reader thread stopped: ${(error as Error)?.message ?? error}`,
          ),
        );
      }
      slot.pending.clear();
      const i = slots.indexOf(slot);
      if (i >= 0 && !closing) slots[i] = spawnSlot();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (!closing && code !== 0) fail(new Error(`exit code ${code}`));
    });
    return slot;
  };
  let closing = false;
  const slots: Slot[] = Array.from({ length: threads }, spawnSlot);
  return {
    threads,
    read(input) {
      const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      return new Promise<ExtractResult[]>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, input, options });
      });
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
