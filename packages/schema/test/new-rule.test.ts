// The rule scaffolder writes the three files every rule needs, with the README
// headings the catalogue meta-test requires.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../scripts/new-rule.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'nianbao-new-rule-'));
const scaffold = (...args: string[]) =>
  execFileSync(process.execPath, [script, ...args, '--dir', dir], {
    encoding: 'utf8',
    stdio: 'pipe',
  });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run new:rule', () => {
  it('creates index.ts, index.test.ts and a README with the required headings', () => {
    scaffold('T3-EXAMPLE', '--severity', 'error', '--formats', '2021');
    const folder = join(dir, 'T3-EXAMPLE');
    for (const f of ['index.ts', 'index.test.ts', 'README.md']) {
      expect(existsSync(join(folder, f))).toBe(true);
    }
    const readme = readFileSync(join(folder, 'README.md'), 'utf8');
    expect(readme.startsWith('# T3-EXAMPLE\n')).toBe(true);
    expect(readme.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## 检查内容',
      '## 依据',
      '## 示例',
      '## What it checks',
      '## Basis',
      '## Examples',
    ]);
    const index = readFileSync(join(folder, 'index.ts'), 'utf8');
    expect(index).toContain("id: 'T3-EXAMPLE'");
    expect(index).toContain("severity: 'error'");
    expect(index).toContain("formats: ['2021']");
  });

  it('refuses bad ids, bad options and existing folders with a clear message', () => {
    expect(() => scaffold('not-a-rule')).toThrow(/give a rule id/);
    expect(() => scaffold('T3-OTHER', '--severity', 'fatal')).toThrow(/--severity/);
    expect(() => scaffold('T3-EXAMPLE')).toThrow(/exists already/);
  });
});
