// Paths to the shared corpus beside the project's root (../shared/corpus).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const candidates = [
  process.env.NIANBAO_CORPUS,
  fileURLToPath(new URL('../../shared/corpus/', import.meta.url)),
].filter((p): p is string => Boolean(p));

export const CORPUS_DIR =
  candidates.find((p) => existsSync(p)) ?? candidates[candidates.length - 1]!;
export const corpusPath = (rel: string) => `${CORPUS_DIR.replace(/\/$/, '')}/${rel}`;
export const readCorpus = (rel: string) => readFileSync(corpusPath(rel), 'utf8');
