/**
 * The worker pool that does all document work of the API (reading and checking, see
 * jobs.ts), so that no document can block the event loop: health checks and other
 * requests go on while it runs.
 *
 * - Fair: waiting jobs are queued per client and taken round-robin, a client with
 *   fewer jobs running first; and `spare` workers, started with the others, take only
 *   the job of a client with nothing running, so two hostile clients busying every
 *   worker cannot make a third wait behind their documents.
 * - Bounded: a client may have at most `queuePerClient` jobs waiting or running
 *   (`QueueFull` beyond, with a Retry-After estimate); each job at most `timeoutMs`
 *   (`ExtractionTimeout`); each worker at most `heapMb` of heap (`resourceLimits`).
 * - Cancellable: a job's `signal` (the request's deadline, or its client hanging up)
 *   drops it from the queue, or terminates the worker running it.
 *
 * A worker that dies (out of memory, a crash in a native parser) or is terminated
 * takes only its own job with it: the job fails, and the slot gets a fresh worker.
 */
import { fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Extractor } from './extractor.ts';
import { type Job, type JobResult, runJob } from './jobs.ts';

/** What the pool posts to a worker, and what the worker answers. */
export interface WorkerTask {
  id: number;
  job: Job;
}
export type WorkerReply = { id: number; result: JobResult } | { id: number; error: string };

/** One document took longer than the per-document limit. */
export class ExtractionTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`reading and checking the document took longer than ${timeoutMs} ms`);
    this.name = 'ExtractionTimeout';
  }
}

/** The request's own deadline passed (waiting and working together). */
export class DeadlineExceeded extends Error {
  constructor(readonly deadlineMs: number) {
    super(`the request did not finish within ${deadlineMs} ms`);
    this.name = 'DeadlineExceeded';
  }
}

/** The client closed the connection: nobody is waiting for the answer. */
export class ClientGone extends Error {
  constructor() {
    super('the client closed the connection');
    this.name = 'ClientGone';
  }
}

/** A client has too many documents waiting or in work. */
export class QueueFull extends Error {
  constructor(
    readonly limit: number,
    readonly retryAfterSeconds: number,
  ) {
    super(`the client already has ${limit} documents waiting or in work`);
    this.name = 'QueueFull';
  }
}

/** The worker died on the document (out of memory when `outOfMemory`). */
export class WorkerCrashed extends Error {
  constructor(
    readonly outOfMemory: boolean,
    reason: string,
    /** The heap limit the worker ran with. */
    readonly heapMb?: number,
  ) {
    super(reason);
    this.name = 'WorkerCrashed';
  }
}

export interface PoolOptions {
  /** The worker script (dist/extract-worker.js, or a test double speaking the same messages). */
  workerUrl: URL;
  /** Threads always running (default 2). */
  size?: number;
  /** Extra threads kept for clients with nothing running (default 1). */
  spare?: number;
  /** Per document (default 20 s). */
  timeoutMs?: number;
  /** Jobs one client may have waiting or running (default 100). */
  queuePerClient?: number;
  /** Heap limit of each worker, in MB (default 512). */
  heapMb?: number;
  /** Workers are processes (default: their memory returns to the system when they end) or threads. */
  isolation?: 'process' | 'thread';
}

export interface RunOptions {
  /** Who asked: jobs are taken round-robin by client (default "anonymous"). */
  client?: string;
  /** Aborting drops the job from the queue or terminates its worker; the job rejects with the reason. */
  signal?: AbortSignal;
}

export interface PoolStats {
  workers: number;
  busy: number;
  queued: number;
  clients: number;
}

/** Runs document jobs; the pool below, or in-process (routes take either). */
export interface Runner {
  /**
   * Starts `jobs` for one request, all or none: throws `QueueFull` when they would take
   * the client past its limit. A client with nothing pending may always send one request.
   */
  submit(jobs: Job[], options?: RunOptions): Array<Promise<JobResult>>;
  stats?(): PoolStats;
  close?(): Promise<void>;
}

export type WorkPool = Runner & { stats(): PoolStats; close(): Promise<void> };

interface Pending {
  id: number;
  job: Job;
  client: string;
  resolve(result: JobResult): void;
  reject(error: Error): void;
  /** Removes the abort listener. */
  release(): void;
  slot?: Slot;
  startedAt?: number;
}

interface Slot {
  worker: WorkerHandle;
  /** Booted: the time limit counts the work, not the worker's start-up. */
  ready: boolean;
  spare: boolean;
  pending?: Pending;
  timer?: NodeJS.Timeout;
}

/** A worker, thread or process, as the pool sees it. */
interface WorkerHandle {
  post(task: WorkerTask): void;
  terminate(): Promise<unknown>;
}

interface WorkerEvents {
  online(): void;
  message(reply: WorkerReply): void;
  /** Died by itself (not terminated): out of memory or another crash. */
  exit(outOfMemory: boolean, reason: string): void;
}

/**
 * Starts one worker. A process (the default) gives all its memory back to the system
 * when it ends — a thread's native allocations (an inflated archive, say) stay in the
 * server's allocator; its heap is capped with --max-old-space-size. A thread is capped
 * with resourceLimits.
 */
function startWorker(
  url: URL,
  heapMb: number,
  isolation: 'process' | 'thread',
  on: WorkerEvents,
): WorkerHandle {
  let ended = false;
  if (isolation === 'thread') {
    const worker = new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    let error: (Error & { code?: string }) | undefined;
    worker.unref();
    worker.once('online', () => on.online());
    worker.on('message', (reply: WorkerReply) => on.message(reply));
    worker.on('error', (e) => {
      error = e;
    });
    worker.on('exit', (code) => {
      if (ended) return;
      on.exit(
        error?.code === 'ERR_WORKER_OUT_OF_MEMORY',
        error?.message ?? `the worker exited with code ${code}`,
      );
    });
    return {
      post: (task) => worker.postMessage(task),
      terminate: () => {
        ended = true;
        return worker.terminate();
      },
    };
  }
  const child = fork(fileURLToPath(url), [], {
    serialization: 'advanced',
    execArgv: [`--max-old-space-size=${heapMb}`, '--expose-gc'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  // The end of stderr tells an out-of-memory abort from another crash.
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4096);
  });
  child.on('message', (message: WorkerReply | { ready: true }) => {
    if ('ready' in message) on.online();
    else on.message(message);
  });
  child.on('error', () => {
    // A failed send or spawn: 'exit' follows, or the job's timer ends it.
  });
  child.on('exit', (code, signal) => {
    if (ended) return;
    ended = true;
    const oom = /heap out of memory|allocation failed/i.test(stderr);
    on.exit(oom, oom ? 'out of memory' : `the worker exited with ${signal ?? `code ${code}`}`);
  });
  // Below the server's own priority: health checks and intake never queue behind
  // document work for the CPU.
  try {
    if (child.pid) setPriority(child.pid, 10);
  } catch {
    // not permitted here: equal priority
  }
  child.unref();
  (child.channel as { unref?: () => void } | undefined)?.unref?.();
  return {
    post: (task) => {
      if (child.connected) child.send(task);
    },
    terminate: () =>
      new Promise<void>((resolve) => {
        ended = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

export function createWorkPool({
  workerUrl,
  size = 2,
  spare = 1,
  timeoutMs = 20_000,
  queuePerClient = 100,
  heapMb = 512,
  isolation = 'process',
}: PoolOptions): WorkPool {
  size = Math.max(1, size);
  /** Waiting jobs per client, and the clients with waiting jobs in round-robin order. */
  const queues = new Map<string, Pending[]>();
  const ring: string[] = [];
  /** When each client was last served (a counter), for the round-robin. */
  const servedAt = new Map<string, number>();
  let served = 0;
  /** Jobs waiting or running, per client (for the queue limit and for fairness). */
  const pendingBy = new Map<string, number>();
  const runningBy = new Map<string, number>();
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  /** Moving average of a job's duration, for Retry-After. */
  let averageMs = 1_000;

  const bump = (map: Map<string, number>, key: string, by: number) => {
    const n = (map.get(key) ?? 0) + by;
    if (n > 0) map.set(key, n);
    else {
      map.delete(key);
      // A client with nothing pending is a newcomer when it comes back (and is forgotten).
      if (map === pendingBy) servedAt.delete(key);
    }
  };

  function spawn(isSpare: boolean): Slot {
    const slot: Slot = {
      worker: startWorker(workerUrl, heapMb, isolation, {
        online() {
          slot.ready = true;
          pump();
        },
        message(reply) {
          const p = slot.pending;
          if (!p || p.id !== reply.id) return;
          detach(slot);
          averageMs = 0.8 * averageMs + 0.2 * (Date.now() - (p.startedAt ?? Date.now()));
          if ('result' in reply) p.resolve(reply.result);
          else p.reject(new Error(reply.error));
          pump();
        },
        exit(outOfMemory, reason) {
          if (slot === standby && !closed) {
            standby = spawn(false);
            return;
          }
          // Terminated on purpose (time limit, abort): already replaced.
          const i = slots.indexOf(slot);
          if (closed || i < 0) return;
          const p = slot.pending;
          detach(slot);
          p?.reject(new WorkerCrashed(outOfMemory, reason, heapMb));
          replace(slot, false);
        },
      }),
      ready: false,
      spare: isSpare,
    };
    return slot;
  }

  /** Frees a slot of its job (the job is settled by the caller). */
  function detach(slot: Slot) {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    const p = slot.pending;
    if (!p) return;
    slot.pending = undefined;
    p.slot = undefined;
    p.release();
    bump(runningBy, p.client, -1);
    bump(pendingBy, p.client, -1);
  }

  /** Takes a slot's worker away (terminating it) and puts a fresh one in its place if needed. */
  function replace(slot: Slot, terminate: boolean) {
    const i = slots.indexOf(slot);
    if (i < 0) return;
    // The standby, booted ahead of need, takes the place at once (a process takes
    // seconds to boot on a busy machine); a new standby boots in the background.
    const next = standby ?? spawn(slot.spare);
    next.spare = slot.spare;
    slots[i] = next;
    standby = spawn(false);
    if (terminate) void slot.worker.terminate();
    pump();
  }

  /**
   * The next job: round-robin over the clients waiting — the one served least recently
   * first (a newcomer before all) — among those with the fewest jobs running.
   */
  function pick(starvedOnly: boolean): Pending | undefined {
    let best = -1;
    let bestKey: [number, number] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
    for (let i = 0; i < ring.length; i++) {
      const client = ring[i]!;
      const key: [number, number] = [runningBy.get(client) ?? 0, servedAt.get(client) ?? -1];
      if (starvedOnly && key[0] > 0) continue;
      if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
        best = i;
        bestKey = key;
      }
    }
    if (best < 0) return undefined;
    const client = ring[best]!;
    const queue = queues.get(client)!;
    const p = queue.shift()!;
    servedAt.set(client, served++);
    if (queue.length === 0) {
      queues.delete(client);
      ring.splice(best, 1);
    }
    return p;
  }

  function start(slot: Slot, p: Pending) {
    slot.pending = p;
    p.slot = slot;
    p.startedAt = Date.now();
    bump(runningBy, p.client, 1);
    slot.timer = setTimeout(() => {
      detach(slot);
      p.reject(new ExtractionTimeout(timeoutMs));
      replace(slot, true);
    }, timeoutMs);
    slot.worker.post({ id: p.id, job: p.job });
  }

  function pump() {
    if (closed) return;
    // General workers first, spares last (they take only a starved client's job).
    for (const slot of slots) {
      if (!slot.ready || slot.pending) continue;
      const p = pick(slot.spare);
      if (p) start(slot, p);
    }
    // A client waits with nothing running while every worker is busy, and another
    // client holds several: that client's latest job goes back to the head of its queue
    // and its worker is replaced, for the waiting client. Nobody waits behind another's
    // whole batch; a client keeps at least one job running.
    if (slots.some((slot) => !slot.pending)) return;
    if (!ring.some((client) => !runningBy.has(client))) return;
    let victim: Slot | undefined;
    for (const slot of slots) {
      const p = slot.pending!;
      if ((runningBy.get(p.client) ?? 0) < 2) continue;
      const v = victim?.pending;
      const more = (runningBy.get(p.client) ?? 0) - (v ? (runningBy.get(v.client) ?? 0) : 0);
      if (!v || more > 0 || (more === 0 && (p.startedAt ?? 0) > (v.startedAt ?? 0))) victim = slot;
    }
    if (victim) preempt(victim);
  }

  /** Puts a running job back at the head of its client's queue and replaces its worker. */
  function preempt(slot: Slot) {
    const p = slot.pending!;
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.pending = undefined;
    p.slot = undefined;
    p.startedAt = undefined;
    bump(runningBy, p.client, -1);
    let queue = queues.get(p.client);
    if (!queue) {
      queue = [];
      queues.set(p.client, queue);
      ring.push(p.client);
    }
    queue.unshift(p);
    replace(slot, true);
  }

  for (let i = 0; i < size; i++) slots.push(spawn(false));
  for (let i = 0; i < Math.max(0, spare); i++) slots.push(spawn(true));
  /** A worker booted and idle, to replace a terminated or dead one without waiting. */
  let standby: Slot | undefined = spawn(false);

  function enqueue(job: Job, client: string, signal: AbortSignal | undefined) {
    return new Promise<JobResult>((resolve, reject) => {
      const onAbort = () => {
        const error = signal?.reason instanceof Error ? signal.reason : new ClientGone();
        if (p.slot) {
          const slot = p.slot;
          detach(slot);
          reject(error);
          replace(slot, true);
          return;
        }
        const queue = queues.get(client);
        const i = queue?.indexOf(p) ?? -1;
        if (queue && i >= 0) {
          queue.splice(i, 1);
          bump(pendingBy, client, -1);
          if (queue.length === 0) {
            queues.delete(client);
            ring.splice(ring.indexOf(client), 1);
          }
          p.release();
          reject(error);
        }
      };
      const p: Pending = {
        id: nextId++,
        job,
        client,
        resolve,
        reject,
        release: () => signal?.removeEventListener('abort', onAbort),
      };
      if (signal?.aborted) {
        reject(signal.reason instanceof Error ? signal.reason : new ClientGone());
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      bump(pendingBy, client, 1);
      let queue = queues.get(client);
      if (!queue) {
        queue = [];
        queues.set(client, queue);
        ring.push(client);
      }
      queue.push(p);
    });
  }

  return {
    submit(jobs, { client = 'anonymous', signal } = {}) {
      if (closed) return jobs.map(() => Promise.reject(new Error('the work pool is closed')));
      const already = pendingBy.get(client) ?? 0;
      if (already > 0 && already + jobs.length > queuePerClient) {
        const retry = Math.ceil((already * averageMs) / size / 1000);
        throw new QueueFull(queuePerClient, Math.min(60, Math.max(1, retry)));
      }
      const promises = jobs.map((job) => enqueue(job, client, signal));
      pump();
      return promises;
    },
    stats() {
      let queued = 0;
      for (const q of queues.values()) queued += q.length;
      return {
        workers: slots.length,
        busy: slots.filter((s) => s.pending).length,
        queued,
        clients: pendingBy.size,
      };
    },
    async close() {
      closed = true;
      for (const queue of queues.values())
        for (const p of queue.splice(0)) {
          p.release();
          p.reject(new Error('the work pool is closed'));
        }
      for (const slot of slots) {
        const p = slot.pending;
        if (p) {
          detach(slot);
          p.reject(new Error('the work pool is closed'));
        }
      }
      // Workers are unref'd: keep the loop alive until they are gone, so that the caller
      // (a graceful shutdown) gets to log and exit itself.
      const alive = setInterval(() => {}, 1_000);
      try {
        await Promise.all(
          [...slots, ...(standby ? [standby] : [])].map((s) => s.worker.terminate()),
        );
      } finally {
        clearInterval(alive);
      }
    },
  };
}

/**
 * Runs jobs in this thread with `extractor` (tests, and `tsx` from the source where
 * there is no worker script): no time limit, but a request already abandoned is not
 * started.
 */
export function inlineRunner(extractor: Extractor): Runner {
  return {
    submit(jobs, { signal } = {}) {
      return jobs.map(async (job) => {
        if (signal?.aborted)
          throw signal.reason instanceof Error ? signal.reason : new ClientGone();
        return runJob(job, extractor);
      });
    },
  };
}
