import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../../tests/corpus.ts';
import { expandInputs, readListFile } from './inputs.ts';

describe('expandInputs', () => {
  it('walks a folder recursively, documents only, sorted', async () => {
    const inputs = await expandInputs([CORPUS_DIR], '/');
    const sources = inputs.map((i) => i.source);
    expect(sources.some((s) => s.endsWith('pages/pt-syq-2023.html'))).toBe(true);
    expect(sources.some((s) => s.endsWith('seed/000_42380e1adf95d416.txt'))).toBe(true);
    expect(sources.some((s) => s.endsWith('.values.json'))).toBe(false);
    expect(sources.some((s) => s.endsWith('README.md'))).toBe(false);
    expect(inputs.every((i) => i.kind === 'file')).toBe(true);
  });

  it('keeps URLs, expands globs, shows paths relative to the working directory', async () => {
    const inputs = await expandInputs(['pages/*.html', 'https://example.org/a.html'], CORPUS_DIR);
    expect(inputs.at(-1)).toEqual({
      kind: 'url',
      source: 'https://example.org/a.html',
      url: 'https://example.org/a.html',
    });
    expect(inputs.filter((i) => i.kind === 'file').map((i) => i.source)).toContain(
      'pages/pt-gaj-2020.html',
    );
  });

  it('turns a path that matches nothing into a missing input, and de-duplicates', async () => {
    const inputs = await expandInputs(
      ['nope.html', 'none/*.html', 'text/pt-czj-2020.txt', 'text/pt-czj-2020.txt'],
      CORPUS_DIR,
    );
    expect(inputs.map((i) => [i.kind, i.source])).toEqual([
      ['missing', 'nope.html'],
      ['missing', 'none/*.html'],
      ['file', 'text/pt-czj-2020.txt'],
    ]);
  });
});

describe('readListFile', () => {
  it('reads one entry per line, skipping comments and blanks', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'nianbao-list-'));
    const file = path.join(dir, 'urls.txt');
    await writeFile(file, '\uFEFF# reports\nhttp://127.0.0.1/a.html\n\n  b.html  \r\n');
    expect(await readListFile(file)).toEqual(['http://127.0.0.1/a.html', 'b.html']);
    expect(await readListFile('-', async () => 'x.html\n')).toEqual(['x.html']);
    await expect(readListFile(path.join(dir, 'missing.txt'))).rejects.toThrow(
      /cannot read list file/,
    );
  });
});
