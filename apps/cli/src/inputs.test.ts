import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../../tests/corpus.ts';
import { expandInputs, readListFile } from './inputs.ts';
import { acquire } from './read.ts';

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

describe('paths that are there but are not documents', () => {
  it('reports a dangling link, a link loop, a FIFO and a device with their reason, named or found', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'nianbao-paths-'));
    await mkdir(path.join(dir, 'sub'));
    await writeFile(path.join(dir, 'sub', 'ok.html'), '<p>');
    await symlink('nowhere.html', path.join(dir, 'gone.html'));
    await symlink('loop.html', path.join(dir, 'loop.html'));
    await symlink('..', path.join(dir, 'sub', 'up')); // a folder link back up: walked once
    expect(spawnSync('mkfifo', [path.join(dir, 'fifo.html')]).status).toBe(0);
    const found = await expandInputs(['.'], dir);
    expect(found.map((i) => [i.source, i.kind === 'missing' ? i.code : i.kind])).toEqual([
      ['fifo.html', 'NOT_A_FILE'],
      ['gone.html', 'DANGLING_LINK'],
      ['loop.html', 'LINK_LOOP'],
      ['sub/ok.html', 'file'],
    ]);
    const named = await expandInputs(
      ['gone.html', 'loop.html', 'fifo.html', '/dev/null'],
      dir,
      'en',
    );
    expect(named.map((i) => (i.kind === 'missing' ? i.code : i.kind))).toEqual([
      'DANGLING_LINK',
      'LINK_LOOP',
      'NOT_A_FILE',
      'NOT_A_FILE',
    ]);
    expect(named[3]!.kind === 'missing' && named[3]!.message).toContain('a device');
    // The reader checks again before opening (a list file, or a path changed since).
    const options = {
      locale: 'zh-CN' as const,
      fetchLimits: { timeoutMs: 1000, maxBytes: 1000, maxRedirects: 0 },
      maxFileBytes: 1000,
    };
    const file = (p: string) => ({ kind: 'file' as const, source: p, path: path.join(dir, p) });
    await expect(acquire(file('fifo.html'), options)).rejects.toMatchObject({ code: 'NOT_A_FILE' });
    await expect(acquire(file('gone.html'), options)).rejects.toMatchObject({
      code: 'DANGLING_LINK',
    });
    await expect(acquire(file('loop.html'), options)).rejects.toMatchObject({ code: 'LINK_LOOP' });
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
