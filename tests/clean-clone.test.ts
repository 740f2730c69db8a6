// A clone stands on its own: the tracked files alone, copied into an empty
// folder with nothing beside it, install with `npm ci` and run
// `npx nianbao check` at once (the CLI builds itself on first use).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './cli-helpers.ts';

let dir = '';
let clone = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nianbao-clone-'));
  clone = path.join(dir, 'nianbao');
  mkdirSync(clone);
  // Tracked files plus new ones not ignored (so that the test also holds before a commit).
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(files.status).toBe(0);
  for (const file of files.stdout.split('\0').filter(Boolean)) {
    try {
      cpSync(path.join(ROOT, file), path.join(clone, file));
    } catch {
      // A file deleted in the working tree but still tracked: a clone of the commit would lack it too.
    }
  }
  const install = spawnSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: clone,
    encoding: 'utf8',
    env: { ...process.env, npm_config_loglevel: 'error' },
  });
  expect(install.status, install.stderr).toBe(0);
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a fresh clone with nothing beside it', () => {
  it('has no sibling folders to lean on', () => {
    expect(spawnSync('ls', [dir], { encoding: 'utf8' }).stdout.trim()).toBe('nianbao');
  });

  it('runs `npx nianbao check` on a corpus report right after npm ci', () => {
    const run = spawnSync('npx', ['nianbao', 'check', 'corpus/seed/000_42380e1adf95d416.txt'], {
      cwd: clone,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).not.toMatch(/ERR_|Error:/);
    // The seed has errors, so the exit code is 1, and the report is in Chinese.
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain('嵩县公安局');
    expect(run.stdout).toMatch(/错误 [1-9]/);
  }, 180_000);

  it('runs it again from the built bundle', () => {
    const run = spawnSync('npx', ['nianbao', 'check', 'corpus/pages/pt-syq-2023.html'], {
      cwd: clone,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).not.toContain('首次运行');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('检查 1 份报告');
  }, 120_000);
});
