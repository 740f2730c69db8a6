// A reader thread: fetches or reads one input and runs the extractor on it, so that
// several documents are parsed at once on a machine with several cores. The result
// comes back by structured clone (which also detaches it from the page text).
import { parentPort } from 'node:worker_threads';
import { toInputError } from './errors.ts';
import type { Input } from './inputs.ts';
import { type ReadOptions, readInput } from './read.ts';

export interface ReadRequest {
  id: number;
  input: Input;
  options: ReadOptions;
}

parentPort?.on('message', async ({ id, input, options }: ReadRequest) => {
  try {
    const results = await readInput(input, options);
    parentPort!.postMessage({ id, results });
  } catch (error) {
    const e = toInputError(error);
    parentPort!.postMessage({ id, error: { code: e.code, message: e.message } });
  }
});
