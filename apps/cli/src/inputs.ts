import type { Stats } from 'node:fs';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError, UsageError } from './errors.ts';

type Locale = 'zh-CN' | 'en';

/** Why a path that exists cannot be read as a document. */
export type PathProblem = 'DANGLING_LINK' | 'LINK_LOOP' | 'NOT_A_FILE';

function kindOf(info: Stats | undefined, locale: Locale): string {
  const zh = locale !== 'en';
  if (info?.isFIFO()) return zh ? '命名管道（FIFO）' : 'a named pipe (FIFO)';
  if (info?.isSocket()) return zh ? '套接字' : 'a socket';
  if (info?.isCharacterDevice() || info?.isBlockDevice()) return zh ? '设备文件' : 'a device';
  if (info?.isDirectory()) return zh ? '文件夹' : 'a folder';
  return zh ? '特殊文件' : 'a special file';
}

/** The error of a path that is there but is not a readable document (zh-CN or en). */
export function inputProblem(
  source: string,
  code: PathProblem,
  locale: Locale = 'zh-CN',
  info?: Stats,
): InputError {
  const zh = locale !== 'en';
  const message =
    code === 'DANGLING_LINK'
      ? zh
        ? `${source} 是指向不存在文件的符号链接，无法读取`
        : `${source} is a symbolic link to a file that does not exist`
      : code === 'LINK_LOOP'
        ? zh
          ? `${source} 是循环的符号链接（指向自身），无法读取`
          : `${source} is a symbolic link loop (it points back to itself)`
        : zh
          ? `${source} 不是普通文件（是${kindOf(info, locale)}），未读取`
          : `${source} is not a regular file (it is ${kindOf(info, locale)}); not read`;
  return new InputError(code, message);
}

/**
 * What a path is, without opening it (a FIFO opened for reading would wait forever):
 * a file, a folder, or the problem that keeps it from being read; undefined when
 * nothing is there at all.
 */
export async function probePath(
  file: string,
): Promise<
  { kind: 'file' | 'dir' } | { kind: 'problem'; code: PathProblem; info?: Stats } | undefined
> {
  const link = await lstat(file).catch(() => undefined);
  if (!link) return undefined;
  let info: Stats;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { kind: 'problem', code: code === 'ELOOP' ? 'LINK_LOOP' : 'DANGLING_LINK' };
  }
  if (info.isDirectory()) return { kind: 'dir' };
  if (info.isFile()) return { kind: 'file' };
  return { kind: 'problem', code: 'NOT_A_FILE', info };
}

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
export async function expandInputs(
  args: readonly string[],
  cwd = process.cwd(),
  locale: Locale = 'zh-CN',
): Promise<Input[]> {
  const out: Input[] = [];
  const seen = new Set<string>();
  const addFile = (abs: string) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    out.push({ kind: 'file', source: displayPath(abs, cwd), path: abs });
  };
  // A path that is there but cannot be read keeps its reason (never "no such file").
  const addProblem = (abs: string, code: PathProblem, info?: Stats) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    const source = displayPath(abs, cwd);
    const { message } = inputProblem(source, code, locale, info);
    out.push({ kind: 'missing', source, code, message });
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
    const info = await probePath(abs);
    if (info?.kind === 'dir') {
      const found = await walkFolder(abs);
      for (const f of found) {
        if (f.problem) addProblem(f.path, f.problem.code, f.problem.info);
        else addFile(f.path);
      }
      continue;
    }
    if (info?.kind === 'file') {
      addFile(abs);
      continue;
    }
    if (info?.kind === 'problem') {
      addProblem(abs, info.code, info.info);
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

interface Found {
  path: string;
  problem?: { code: PathProblem; info?: Stats };
}

/**
 * Documents under a folder, recursively, sorted; dot-files skipped. Every entry with a
 * document's name is listed, also when it is a dangling link, a link loop, a FIFO or a
 * device (with that problem, so that it is reported, not skipped or opened). Linked
 * folders are followed once (a link back up the tree does not loop).
 */
async function walkFolder(root: string): Promise<Found[]> {
  const out: Found[] = [];
  const visited = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir).catch(() => dir);
    if (visited.has(real)) return;
    visited.add(real);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(full);
        continue;
      }
      if (entry.isSymbolicLink()) {
        const probe = await probePath(full);
        if (probe?.kind === 'dir') {
          await walk(full);
          continue;
        }
        if (!wantedInFolder(entry.name)) continue;
        if (probe?.kind === 'problem')
          out.push({
            path: full,
            problem: { code: probe.code, ...(probe.info ? { info: probe.info } : {}) },
          });
        else out.push({ path: full });
        continue;
      }
      if (!wantedInFolder(entry.name)) continue;
      if (entry.isFile()) out.push({ path: full });
      else {
        const info = await lstat(full).catch(() => undefined);
        out.push({ path: full, problem: { code: 'NOT_A_FILE', ...(info ? { info } : {}) } });
      }
    }
  };
  await walk(root);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
