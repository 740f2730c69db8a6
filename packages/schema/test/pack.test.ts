// Issue 2 item 8: `npm pack` yields compiled ESM with type declarations, the
// JSON Schema, rules.json and a README; installed into an empty project, the
// package works from plain Node (no TypeScript, no bundler) and its types work
// for a TypeScript consumer.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../src/index.ts';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' },
  });

let work: string;
let packed: { filename: string; files: { path: string }[] };

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'nianbao-pack-'));
  // What `npm pack` in packages/schema does (prepack = the build, then the
  // `files` of package.json), staged in a private folder: other engineers and
  // turbo rebuild packages/schema/dist at any time in the shared working tree.
  const stage = join(work, 'stage');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  run(
    process.execPath,
    [tsc, '-p', join(pkgDir, 'tsconfig.build.json'), '--outDir', join(stage, 'dist')],
    pkgDir,
  );
  for (const f of ['package.json', 'README.md', 'report.schema.json', 'rules.json']) {
    cpSync(join(pkgDir, f), join(stage, f));
  }
  const out = run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], stage);
  packed = JSON.parse(out.slice(out.indexOf('[')))[0];
  const consumer = join(work, 'consumer');
  mkdirSync(consumer, { recursive: true });
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  run(
    npm,
    [
      'install',
      join(work, packed.filename),
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--no-package-lock',
    ],
    consumer,
  );
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('holds compiled ESM, declarations, the JSON Schema, rules.json and the README, and no sources', () => {
    const files = packed.files.map((f) => f.path);
    for (const f of [
      'package.json',
      'README.md',
      'report.schema.json',
      'rules.json',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/core/engine.js',
      'dist/core/engine.d.ts',
    ]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
    expect(files.filter((f) => /\.test\.|testing\.|fixtures/.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.js') && !f.startsWith('dist/'))).toEqual([]);
  });

  it('works from plain Node: check, ReportSchema, rules and the JSON files', () => {
    const consumer = join(work, 'consumer');
    writeFileSync(
      join(consumer, 'use.mjs'),
      `import { check, ReportSchema, rules, blankReport, setCell, describeCell } from '@nianbao/schema';
import catalogue from '@nianbao/schema/rules.json' with { type: 'json' };
import jsonSchema from '@nianbao/schema/report.schema.json' with { type: 'json' };

let report = ReportSchema.parse(blankReport('2021', 0));
report = setCell(report, 'applications.newReceived.naturalPerson', 3);
report = setCell(report, 'applications.newReceived.total', 3);
report = setCell(report, 'applications.results.granted.naturalPerson', 3);
report = setCell(report, 'applications.results.granted.total', 3);
report = setCell(report, 'applications.results.total.naturalPerson', 2); // should be 3
report = setCell(report, 'applications.results.total.total', 3);
const findings = check(report, { locale: 'en' });
console.log(JSON.stringify({
  rules: rules.length,
  catalogue: catalogue.length,
  schemaId: jsonSchema.$id,
  fixes: findings.filter((f) => f.fix).map((f) => f.fix),
  ruleIds: findings.map((f) => f.ruleId),
  cell: describeCell('2021', 'applications.results.total.naturalPerson', 'zh-CN'),
  invalid: ReportSchema.safeParse({ format: '2021', appeals: { review: { total: 'x' } } }).success,
}));
`,
    );
    const result = JSON.parse(run(process.execPath, ['use.mjs'], consumer));
    expect(result.rules).toBe(rules.length);
    expect(result.catalogue).toBe(rules.length);
    expect(result.schemaId).toBe('urn:nianbao:report');
    expect(result.fixes).toEqual([{ cell: 'applications.results.total.naturalPerson', value: 3 }]);
    expect(result.ruleIds).toContain('T3-COL-BALANCE');
    expect(result.cell).toBe('表三「三、本年度办理结果 （七）总计」行「自然人」列');
    expect(result.invalid).toBe(false);
  });

  it('runs the example of its README as written', () => {
    const consumer = join(work, 'consumer');
    const readme = readFileSync(join(pkgDir, 'README.md'), 'utf8');
    const example = /```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    writeFileSync(join(consumer, 'example.mjs'), example!);
    const output = run(process.execPath, ['example.mjs'], consumer);
    expect(output).toContain(
      'error T3-COL-BALANCE 表三「三、本年度办理结果 （七）总计」行「自然人」列填报为2',
    );
    expect(output).toContain("{ cell: 'applications.results.total.naturalPerson', value: 3 }");
  });

  it('ships types that a strict TypeScript consumer resolves (no silent any)', () => {
    const consumer = join(work, 'consumer');
    writeFileSync(
      join(consumer, 'use.ts'),
      `import { check, type Finding, type Report, ReportSchema } from '@nianbao/schema';
const report: Report = ReportSchema.parse({ format: '2019' });
const findings: Finding[] = check(report, { locale: 'en' });
const id: string = findings[0]?.ruleId ?? '';
// @ts-expect-error a rule id is a string, never a number: fails if the types were \`any\`
const wrong: number = findings[0]!.ruleId;
// @ts-expect-error only zh-CN and en exist
check(report, { locale: 'fr' });
export { id, wrong };
`,
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['use.ts'],
      }),
    );
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    let output = '';
    try {
      output = run(process.execPath, [tsc, '-p', 'tsconfig.json'], consumer);
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  }, 120_000);

  it('has exports that resolve to the sources in the monorepo and to dist in the tarball', () => {
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    expect(pkg.exports['.']).toEqual({
      '@nianbao/source': './src/index.ts',
      types: './dist/index.d.ts',
      default: './dist/index.js',
    });
    expect(pkg.dependencies).toEqual({ zod: expect.any(String) });
    // `npm pack` builds first, so a tarball never ships stale or missing dist files.
    expect(pkg.scripts.prepack).toBe('npm run build');
    expect(pkg.scripts.build).toContain('tsc -p tsconfig.build.json');
    expect(pkg.files).toEqual(['dist', 'report.schema.json', 'rules.json', 'README.md']);
  });
});
