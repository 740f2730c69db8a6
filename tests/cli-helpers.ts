// Shared by tests/cli-*.test.ts: builds the CLI bundle when it is missing or older
// than its sources, and spawns it as a user would (node apps/cli/dist/nianbao.mjs).
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI = path.join(ROOT, 'apps/cli/dist/nianbao.mjs');
const SOURCES = [
  'apps/cli/src',
  'packages/render/src',
  'packages/schema/src',
  'packages/extract/src',
];

function newest(dir: string): number {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const m = statSync(path.join(entry.parentPath, entry.name)).mtimeMs;
    if (m > latest) latest = m;
  }
  return latest;
}

/** Builds apps/cli/dist when missing or stale (a few seconds); `npm test` has usually built it already. */
export function ensureCliBuilt(): void {
  const built = existsSync(CLI) ? statSync(CLI).mtimeMs : 0;
  const stale = SOURCES.some((s) => newest(path.join(ROOT, s)) > built);
  if (built && !stale) return;
  const run = spawnSync('npm', ['run', 'build', '-w', '@nianbao/cli'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`CLI build failed:\n${run.stdout}\n${run.stderr}`);
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Spawns the built CLI (asynchronously, so that an in-process test server can answer it). */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        cwd: options.cwd ?? ROOT,
        env: { ...process.env, NO_COLOR: '1', ...options.env },
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 256 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        if (code === null) reject(new Error(`CLI did not finish: ${error?.message}\n${stderr}`));
        else resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Errors of `nianbao check --format json` output against apps/cli/check-output.schema.json ([] when valid). */
export async function checkOutputErrors(output: unknown): Promise<unknown[]> {
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const { default: addFormats } = await import('ajv-formats');
  const { readFileSync } = await import('node:fs');
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(
    JSON.parse(readFileSync(path.join(ROOT, 'packages/schema/report.schema.json'), 'utf8')),
  );
  const validate = ajv.compile(
    JSON.parse(readFileSync(path.join(ROOT, 'apps/cli/check-output.schema.json'), 'utf8')),
  );
  return validate(output) ? [] : (validate.errors ?? ['invalid']);
}
