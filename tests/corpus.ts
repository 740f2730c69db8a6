// Paths to the corpus of real reports kept in the repository (corpus/ at the root).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));
export const corpusPath = (rel: string) => `${CORPUS_DIR.replace(/\/$/, '')}/${rel}`;
export const readCorpus = (rel: string) => readFileSync(corpusPath(rel), 'utf8');

/**
 * The folders of report documents the CLI tests run over (the corpus also holds
 * column list pages in lists/, input for `crawl`, and PDFs in pdf/).
 */
export const REPORT_FOLDERS = ['pages', 'seed', 'text'];
