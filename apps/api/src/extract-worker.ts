/**
 * Does the API's document work in a worker process or thread (see extract-pool.ts and jobs.ts):
 * a document that takes too long or too much memory can then be abandoned by
 * terminating the worker, and the server's event loop keeps answering meanwhile.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerReply, WorkerTask } from './extract-pool.ts';
import { nodeExtractor } from './extractor.ts';
import { runJob } from './jobs.ts';

// A worker thread talks through parentPort; a worker process (the default) through IPC.
const port = parentPort ?? {
  on: (event: 'message', listener: (task: WorkerTask) => void) => process.on(event, listener),
  postMessage: (reply: WorkerReply) => process.send?.(reply),
};

port.on('message', async (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    reply = { id: task.id, result: await runJob(task.job, nodeExtractor) };
  } catch (error) {
    reply = { id: task.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
  // A big document leaves a big heap behind: give it back now rather than when V8
  // gets round to it (processes run with --expose-gc; threads have no gc()).
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc && process.memoryUsage().rss > 160 * 1024 * 1024) setImmediate(gc);
});
// A process says when it is ready (a thread's 'online' event says it for it).
if (!parentPort) process.send?.({ ready: true });
