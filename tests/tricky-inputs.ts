// One table of tricky inputs that every surface takes through @nianbao/extract's
// door (the CLI, the API, the form, the library): each must give the report
// that the clean UTF-8 page gives. Used by tests/one-door.test.ts and by the
// form's importing test.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';

// A plain path, not tests/corpus.ts: the form's DOM test environment has no file: URLs.
const ROOT = resolve(__dirname, '..');
const corpusPath = (rel: string) => resolve(ROOT, 'corpus', rel);
const readCorpus = (rel: string) => readFileSync(corpusPath(rel), 'utf8');

export interface TrickyInput {
  /** What makes it tricky. */
  case: string;
  /** The file name a surface sees (its extension is only a hint). */
  name: string;
  /** Media type it is served or posted with, charset included ('' = none). */
  contentType: string;
  bytes: Uint8Array;
  /** The corpus document whose report it must read as. */
  expect: 'pt-syq-2023' | 'pt-syq-2019' | 'seed';
}

const SYQ = readCorpus('pages/pt-syq-2023.html');
const SEED = readCorpus('seed/000_42380e1adf95d416.txt');
const BOM = [0xef, 0xbb, 0xbf];
const withoutMeta = SYQ.replace(/<meta charset="utf-8"/i, '<meta');
const gbkMeta = SYQ.replace(/<meta charset="utf-8"/i, '<meta charset="gbk"');

export const TRICKY_INPUTS: TrickyInput[] = [
  {
    case: 'a GBK page without a charset anywhere (sniffed: not UTF-8, so GB18030)',
    name: 'gbk-no-meta.html',
    contentType: 'text/html',
    bytes: iconv.encode(withoutMeta, 'gbk'),
    expect: 'pt-syq-2023',
  },
  {
    case: 'a UTF-8 byte-order mark contradicting <meta charset="gbk"> (the BOM wins)',
    name: 'bom-vs-meta.html',
    contentType: 'text/html',
    bytes: new Uint8Array([...BOM, ...Buffer.from(gbkMeta, 'utf8')]),
    expect: 'pt-syq-2023',
  },
  {
    case: 'the transport says GBK, the page says UTF-8, the bytes are GBK (the header wins)',
    name: 'header-vs-meta.html',
    contentType: 'text/html; charset=GBK',
    bytes: iconv.encode(SYQ, 'gbk'),
    expect: 'pt-syq-2023',
  },
  {
    case: 'a GBK text file with no declaration',
    name: 'seed-gbk.txt',
    contentType: 'text/plain',
    bytes: iconv.encode(SEED, 'gbk'),
    expect: 'seed',
  },
  {
    case: 'a .docx named .html (the bytes decide)',
    name: 'really-a-docx.html',
    contentType: '',
    bytes: readFileSync(resolve(ROOT, 'packages/extract/test/fixtures/pt-syq-2019.docx')),
    expect: 'pt-syq-2019',
  },
];

/** A `{ report, provenance, source }` payload as JSON bytes, for the JSON row of the table. */
export function payloadInput(payload: unknown): TrickyInput {
  return {
    case: 'a { report, provenance, source } JSON payload',
    name: 'payload.json',
    contentType: 'application/json',
    bytes: new TextEncoder().encode(JSON.stringify(payload)),
    expect: 'pt-syq-2023',
  };
}

/** The clean documents the tricky ones must read as. */
export const CLEAN: Record<TrickyInput['expect'], { name: string; bytes: Uint8Array }> = {
  'pt-syq-2023': {
    name: 'pt-syq-2023.html',
    bytes: readFileSync(corpusPath('pages/pt-syq-2023.html')),
  },
  'pt-syq-2019': {
    name: 'pt-syq-2019.html',
    bytes: readFileSync(corpusPath('pages/pt-syq-2019.html')),
  },
  seed: { name: 'seed.txt', bytes: readFileSync(corpusPath('seed/000_42380e1adf95d416.txt')) },
};
