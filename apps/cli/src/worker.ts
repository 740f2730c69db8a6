// A reader thread: runs the extractor on the bytes of one document at a time, isolated
// from the batch (a heap cap, a time limit, replaced when it dies: read-pool.ts). The
// result comes back by structured clone (which also detaches it from the page text).
import { parentPort } from 'node:worker_threads';
import { toInputError } from './errors.ts';
import { type Acquired, type ReadOptions, readBytes } from './read.ts';

export interface ReadRequest {
  id: number;
  acquired: Acquired;
  options: ReadOptions;
}

/**
 * Test hook (tests/hostile-cli.test.ts): with NIANBAO_TEST_HOOKS=1, a document named
 * `__hang__…` spins forever and one named `__crash__…` kills its thread, standing in
 * for a reader that hangs or crashes on a hostile file.
 */
function testHook(name: string): void {
  if (process.env.NIANBAO_TEST_HOOKS !== '1') return;
  const base = name.split(/[\\/]/).at(-1) ?? '';
  if (base.startsWith('__hang__')) for (;;);
  if (base.startsWith('__crash__')) process.exit(70);
}

parentPort?.on('message', async ({ id, acquired, options }: ReadRequest) => {
  try {
    testHook(acquired.name);
    const results = await readBytes(acquired, options);
    parentPort!.postMessage({ id, results });
  } catch (error) {
    const e = toInputError(error);
    parentPort!.postMessage({ id, error: { code: e.code, message: e.message } });
  }
});
