/**
 * Runs @nianbao/extract in a worker thread (see extract-pool.ts): a document that takes
 * too long can then be abandoned by terminating the worker, and the server's event loop
 * keeps answering other requests meanwhile.
 */
import { parentPort } from 'node:worker_threads';
import { extractAll } from '@nianbao/extract/node';
import type { WorkerReply, WorkerTask } from './extract-pool.ts';

parentPort?.on('message', async (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    reply = { id: task.id, result: await extractAll(task.input, task.options) };
  } catch (error) {
    reply = { id: task.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
