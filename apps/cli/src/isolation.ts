/** How each document is isolated: workers, a heap cap and a time limit per document. */
export interface Isolation {
  /** Worker threads (at least one: every document is parsed on a worker). */
  threads: number;
  /** Time limit of one document on its worker, in milliseconds. */
  fileTimeoutMs: number;
  /** Heap cap of each worker (`resourceLimits.maxOldGenerationSizeMb`). */
  heapMb: number;
}

// Kept apart from read-pool.ts so that `--version`, `rules` and `schema` start without
// loading the extractor.
export const DEFAULT_ISOLATION: Isolation = { threads: 2, fileTimeoutMs: 20_000, heapMb: 512 };
