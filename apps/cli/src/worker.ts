// A reader thread: runs the extractor on the bytes of one document at a time (and
// check() on the report read), isolated
// from the batch (a heap cap, a time limit, replaced when it dies: read-pool.ts). The
// result comes back by structured clone (which also detaches it from the page text).
import { parentPort } from 'node:worker_threads';
import { checkExtracted } from '@nianbao/extract/check';
import type { Locale, Report } from '@nianbao/schema';
import { toInputError } from './errors.ts';
import type { ExtractResult } from './extract-node.ts';
import { type Acquired, type ReadOptions, readBytes } from './read.ts';

/** A document to read, or a report read before to check (with last year's report). */
export type WorkerRequest =
  | { id: number; kind: 'read'; acquired: Acquired; options: ReadOptions }
  | {
      id: number;
      kind: 'check';
      source: string;
      extracted: ExtractResult;
      previous?: Report;
      locale: Locale;
    };

/**
 * Test hook (tests/hostile-cli.test.ts): with NIANBAO_TEST_HOOKS=1, a document named
 * `__hang__…` spins forever and one named `__crash__…` kills its thread, standing in
 * for a reader that hangs or crashes on a hostile file; `__oom__…` fills the heap (the
 * worker's heap cap ends it); `__hangcheck__…` is read, then
 * spins in check() (a rule that runs away).
 */
function testHook(name: string, step: 'read' | 'check'): void {
  if (process.env.NIANBAO_TEST_HOOKS !== '1') return;
  const base = (name.split(/[\\/]/).at(-1) ?? '').replace(/#\d+$/, '');
  if (step === 'read' && base.startsWith('__hang__')) for (;;);
  if (step === 'read' && base.startsWith('__crash__')) process.exit(70);
  if (step === 'read' && base.startsWith('__oom__')) {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
  }
  if (step === 'check' && base.startsWith('__hangcheck__')) for (;;);
}

parentPort?.on('message', async (request: WorkerRequest) => {
  const { id } = request;
  try {
    if (request.kind === 'check') {
      const { extracted, previous, locale } = request;
      testHook(request.source, 'check');
      const { findings } = checkExtracted(extracted, { locale, ...(previous ? { previous } : {}) });
      parentPort!.postMessage({ id, findings });
      return;
    }
    testHook(request.acquired.name, 'read');
    const results = await readBytes(request.acquired, request.options);
    parentPort!.postMessage({ id, results });
  } catch (error) {
    const e = toInputError(error);
    parentPort!.postMessage({ id, error: { code: e.code, message: e.message } });
  }
});

// Loaded: the pool starts a document's time limit only now (loading is not the document's time).
parentPort?.postMessage({ ready: true });
