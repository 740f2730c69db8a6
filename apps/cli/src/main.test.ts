import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { blankReport, ruleCatalogue, setCell } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { formatOfFile, type Io, main, planOutputs, VERSION } from './main.ts';

function io(cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const value: Io = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    readStdin: async () => '',
    env: {},
    cwd,
  };
  return { io: value, out: () => out.join(''), err: () => err.join('') };
}

describe('nianbao (in process)', () => {
  it('prints its version and help with exit 0', async () => {
    const v = io();
    expect(await main(['--version'], v.io)).toBe(0);
    expect(v.out().trim()).toBe(VERSION);
    for (const cmd of ['check', 'rules', 'schema']) {
      const h = io();
      expect(await main([cmd, '--help'], h.io)).toBe(0);
      expect(h.out()).toContain(`Usage: nianbao ${cmd}`);
    }
  });

  it('exits 2 on usage errors with a message on stderr', async () => {
    for (const argv of [
      ['check'],
      ['check', '-f', 'xml', 'a.html'],
      ['check', '--fail-on', 'x', 'a'],
      ['nope'],
      [],
    ]) {
      const r = io();
      expect(await main(argv, r.io), argv.join(' ')).toBe(2);
      expect(r.err() + r.out()).not.toBe('');
    }
  });

  it('prints the rule catalogue and the report schema', async () => {
    const json = io();
    expect(await main(['rules', '--format', 'json'], json.io)).toBe(0);
    expect(JSON.parse(json.out())).toEqual(ruleCatalogue());
    const md = io();
    await main(['rules', '--locale', 'en'], md.io);
    for (const r of ruleCatalogue()) expect(md.out()).toContain(`[${r.id}]`);
    const schema = io();
    expect(await main(['schema'], schema.io)).toBe(0);
    const file = new URL('../../../packages/schema/report.schema.json', import.meta.url);
    expect(JSON.parse(schema.out())).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    const result = io();
    expect(await main(['schema', 'result'], result.io)).toBe(0);
    const outputSchema = new URL('../check-output.schema.json', import.meta.url);
    expect(JSON.parse(result.out())).toEqual(JSON.parse(readFileSync(outputSchema, 'utf8')));
    expect(await main(['schema', 'other'], io().io)).toBe(2);
  });

  it('checks report JSON files; a broken one becomes a result with an error', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'nianbao-main-'));
    const good = blankReport('2021', 0);
    good.meta = { reportYear: 2023, agencyName: '测试局' };
    const bad = setCell(good, 'applications.newReceived.naturalPerson', 3);
    await writeFile(path.join(dir, 'good.report.json'), JSON.stringify(good));
    await writeFile(
      path.join(dir, 'bad.report.json'),
      JSON.stringify({ report: bad, provenance: { cells: {} } }),
    );
    await writeFile(path.join(dir, 'broken.report.json'), '{"format":"1999"}');
    const r = io(dir);
    const code = await main(['check', '.', '--format', 'json'], r.io);
    const out = JSON.parse(r.out());
    expect(out.results.map((x: { source: string }) => x.source)).toEqual([
      'bad.report.json',
      'broken.report.json',
      'good.report.json',
    ]);
    expect(out.results[1].error.code).toBe('INVALID_REPORT');
    expect(
      out.results[0].findings.some((f: { ruleId: string }) => f.ruleId === 'T3-COL-BALANCE'),
    ).toBe(true);
    expect(code).toBe(1);
    expect(out.summary.exitCode).toBe(1);
    const never = io(dir);
    expect(
      await main(['check', '.', '--fail-on', 'never', '-o', path.join(dir, 'out.txt')], never.io),
    ).toBe(0);
    expect(never.out()).toBe('');
    expect(readFileSync(path.join(dir, 'out.txt'), 'utf8')).toContain('T3-COL-BALANCE');
  });

  it('exits 2 when no input could be read', async () => {
    const r = io();
    expect(await main(['check', 'does-not-exist.html', '-f', 'json'], r.io)).toBe(2);
    expect(JSON.parse(r.out()).results[0].error.code).toBe('ENOENT');
  });
});

describe('file limits and CSV for spreadsheets', () => {
  it('refuses a file over --max-bytes without reading it, and writes a BOM on request', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'nianbao-limit-'));
    await writeFile(path.join(dir, 'big.html'), `<html><body>${'年报'.repeat(2000)}</body></html>`);
    const r = io(dir);
    expect(await main(['check', 'big.html', '--max-bytes', '1000', '-f', 'json'], r.io)).toBe(2);
    expect(JSON.parse(r.out()).results[0].error.code).toBe('TOO_LARGE');
    const csv = io(dir);
    await main(['check', 'big.html', '--max-bytes', '1000', '-f', 'csv', '--bom'], csv.io);
    expect(csv.out().startsWith('\uFEFFsource,')).toBe(true);
  });
});

describe('output file names', () => {
  it('choose the format unless --format is given', async () => {
    expect(formatOfFile('结果.HTML')).toBe('html');
    expect(formatOfFile('out.sarif.json')).toBe('sarif');
    expect(formatOfFile('out.sarif')).toBe('sarif');
    expect(formatOfFile('out.csv')).toBe('csv');
    expect(formatOfFile('out')).toBeUndefined();
    const dir = await mkdtemp(path.join(tmpdir(), 'nianbao-ext-'));
    const report = blankReport('2021', 0);
    await writeFile(path.join(dir, 'a.report.json'), JSON.stringify(report));
    await main(['check', 'a.report.json', '-o', 'out.html'], io(dir).io);
    expect(readFileSync(path.join(dir, 'out.html'), 'utf8')).toMatch(/^<!doctype html>/);
    await main(['check', 'a.report.json', '-o', 'out2.html', '-f', 'json'], io(dir).io);
    expect(JSON.parse(readFileSync(path.join(dir, 'out2.html'), 'utf8')).results).toHaveLength(1);
  });
});

describe('several outputs in one run', () => {
  it('plans each output by its extension, stdout in --format', () => {
    expect(planOutputs({ format: 'text' }, false)).toEqual([{ target: '-', format: 'text' }]);
    expect(planOutputs({ format: 'text', output: ['a.html'] }, false)).toEqual([
      { target: 'a.html', format: 'html' },
    ]);
    expect(planOutputs({ format: 'json', output: ['a.html'] }, true)).toEqual([
      { target: 'a.html', format: 'json' },
    ]);
    expect(planOutputs({ format: 'text', output: ['a.json', 'a.sarif', '-'] }, false)).toEqual([
      { target: 'a.json', format: 'json' },
      { target: 'a.sarif', format: 'sarif' },
      { target: '-', format: 'text' },
    ]);
    expect(() => planOutputs({ format: 'text', output: ['a.json', 'a.out'] }, false)).toThrow(
      /a\.out/,
    );
    expect(() => planOutputs({ format: 'text', output: ['a.json', 'a.json'] }, false)).toThrow(
      /twice/,
    );
  });

  it('writes every file and the text in one run; a bad plan is a usage error', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'nianbao-multi-'));
    await writeFile(path.join(dir, 'a.report.json'), JSON.stringify(blankReport('2021', 0)));
    const r = io(dir);
    await main(['check', 'a.report.json', '-o', 'r.json', '-o', 'r.csv', '-o', '-'], r.io);
    expect(JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')).results).toHaveLength(1);
    expect(readFileSync(path.join(dir, 'r.csv'), 'utf8')).toMatch(/^source,/);
    expect(r.out()).toContain('a.report.json');
    const bad = io(dir);
    expect(await main(['check', 'a.report.json', '-o', 'r.json', '-o', 'r.bin'], bad.io)).toBe(2);
    expect(bad.err()).toContain('r.bin');
  });
});
