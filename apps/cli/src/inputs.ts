import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './errors.ts';

/** One thing to read: a local file or a URL; `missing` keeps a bad argument as a result. */
export type Input =
  | { kind: 'file'; source: string; path: string }
  | { kind: 'url'; source: string; url: string }
  | { kind: 'missing'; source: string; code: string; message: string };

/** Extensions read from folders. Report JSON must be named `*.report.json` there (other JSON is data, not reports). */
export const DOCUMENT_EXTENSIONS = ['.html', '.htm', '.shtml', '.txt', '.docx'];
const isUrl = (s: string) => /^https?:\/\//i.test(s);

function wantedInFolder(file: string): boolean {
  const lower = file.toLowerCase();
  return lower.endsWith('.report.json') || DOCUMENT_EXTENSIONS.some((e) => lower.endsWith(e));
}

/** How a file is shown: relative to the working directory when inside it, with / separators. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  return shown.split(path.sep).join('/');
}

/**
 * Reads a list file: one path or URL per line; blank lines and `#` comments ignored.
 * `-` reads the list from standard input.
 */
export async function readListFile(file: string, stdin?: () => Promise<string>): Promise<string[]> {
  let text: string;
  try {
    text = file === '-' && stdin ? await stdin() : await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read list file ${file}: ${(error as Error).message}`);
  }
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\uFEFF/, '').trim())
    .filter((l) => l && !l.startsWith('#'));
}

/**
 * Expands arguments into inputs, in argument order: URLs as they are, files as
 * they are, folders recursively (documents and `*.report.json`, sorted), globs
 * through tinyglobby. An argument that matches nothing becomes a `missing`
 * input, so that it is reported in the results rather than silently dropped.
 */
export async function expandInputs(args: readonly string[], cwd = process.cwd()): Promise<Input[]> {
  const out: Input[] = [];
  const seen = new Set<string>();
  const addFile = (abs: string) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    out.push({ kind: 'file', source: displayPath(abs, cwd), path: abs });
  };
  for (const arg of args) {
    if (isUrl(arg)) {
      if (!seen.has(arg)) {
        seen.add(arg);
        out.push({ kind: 'url', source: arg, url: arg });
      }
      continue;
    }
    const abs = path.resolve(cwd, arg);
    const info = await stat(abs).catch(() => undefined);
    if (info?.isDirectory()) {
      const files = await glob('**/*', { cwd: abs, absolute: true, onlyFiles: true, dot: false });
      for (const f of files.filter(wantedInFolder).sort()) addFile(path.normalize(f));
      continue;
    }
    if (info?.isFile()) {
      addFile(abs);
      continue;
    }
    if (isDynamicPattern(arg)) {
      const files = await glob(arg, { cwd, absolute: true, onlyFiles: true });
      if (files.length) {
        for (const f of files.sort()) addFile(path.normalize(f));
        continue;
      }
      out.push({
        kind: 'missing',
        source: arg,
        code: 'NO_MATCH',
        message: `no file matches ${arg}`,
      });
      continue;
    }
    out.push({
      kind: 'missing',
      source: arg,
      code: 'ENOENT',
      message: `no such file or folder: ${arg}`,
    });
  }
  return out;
}
