// The built CLI on other kinds of documents (.docx, a page holding two reports) and
// on a terminal: colour and the progress bar only where they belong.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, checkOutputErrors, ensureCliBuilt, ROOT, runCli } from './cli-helpers.ts';
import { CORPUS_DIR, corpusPath, REPORT_FOLDERS, readCorpus } from './corpus.ts';

interface Result {
  source: string;
  found: boolean;
  agencyName: string | null;
  reportYear: number | null;
  report: { applications?: unknown; appeals?: unknown } | null;
  findings: { fingerprint: string }[];
}
const results = (stdout: string) => (JSON.parse(stdout) as { results: Result[] }).results;
const ESC = '\u001b[';

beforeAll(() => ensureCliBuilt(), 180_000);

describe('documents', () => {
  it('reads a .docx like the page it was made from', async () => {
    const docx = path.join(ROOT, 'packages/extract/test/fixtures/pt-syq-2019.docx');
    const run = await runCli(['check', docx, corpusPath('pages/pt-syq-2019.html'), '-f', 'json']);
    const [fromDocx, fromHtml] = results(run.stdout);
    expect(fromDocx!.found).toBe(true);
    expect(fromDocx!.reportYear).toBe(2019);
    expect(fromDocx!.report?.applications).toEqual(fromHtml!.report?.applications);
    expect(fromDocx!.report?.appeals).toEqual(fromHtml!.report?.appeals);
  });

  it('gives one result per report when a page holds two', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-two-'));
    const page = readCorpus('pages/pt-syq-2023.html');
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(page)![1];
    writeFileSync(
      path.join(dir, 'two.html'),
      `<html><head><meta charset="utf-8"></head><body><div>${readCorpus('pages/sh-gov-office-2019.fragment.html')}</div><div>${body}</div></body></html>`,
    );
    const [first, second] = results(
      (await runCli(['check', 'two.html', '-f', 'json'], { cwd: dir })).stdout,
    );
    expect(first!.source).toBe('two.html');
    expect(second!.source).toBe('two.html#2');
    expect([first!.reportYear, second!.reportYear]).toEqual([2019, 2023]);
  });

  it('reads report JSON written by another tool, and rejects JSON that is not a report', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-json-'));
    const [seed] = results(
      (await runCli(['check', corpusPath('seed/000_42380e1adf95d416.txt'), '-f', 'json'])).stdout,
    );
    writeFileSync(path.join(dir, 'seed.report.json'), JSON.stringify(seed!.report));
    writeFileSync(path.join(dir, 'other.json'), JSON.stringify({ hello: 'world' }));
    const run = await runCli(['check', 'seed.report.json', 'other.json', '-f', 'json'], {
      cwd: dir,
    });
    const [fromJson, other] = results(run.stdout) as (Result & { error?: { code: string } })[];
    // Without the extractor's provenance (raw cell and header texts) the rules that read them stay
    // silent; every other finding is the same.
    const fromText = new Set(seed!.findings.map((f) => f.fingerprint));
    expect(fromJson!.findings.length).toBeGreaterThan(0);
    for (const f of fromJson!.findings) expect(fromText.has(f.fingerprint)).toBe(true);
    expect(other!.error?.code).toBe('INVALID_REPORT');
    // A folder takes *.report.json only: other JSON beside the pages is data.
    const folder = results((await runCli(['check', '.', '-f', 'json'], { cwd: dir })).stdout);
    expect(folder.map((r) => r.source)).toEqual(['seed.report.json']);
  });
});

describe('hostile documents', () => {
  it('turn into diagnostics or errors, never a crash, on reader threads too', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-hostile-'));
    const docx = readFileSync(path.join(ROOT, 'packages/extract/test/fixtures/pt-syq-2019.docx'));
    const files: Record<string, string | Uint8Array> = {
      'empty.txt': '',
      'garbage.html': Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919 + 13) % 256),
      'truncated.docx': docx.subarray(0, 3000),
      'deep.html': '<table>'.repeat(20_000),
      'bad.report.json': '{"format":"2021","meta":{"reportYear":"x"}}',
      'doc.pdf': '%PDF-1.4',
      'a.html': '<html><body>首页</body></html>',
      'b.html': '<p>',
    };
    for (const [name, content] of Object.entries(files))
      writeFileSync(path.join(dir, name), content);
    const run = await runCli(['check', ...Object.keys(files), '-f', 'json', '--threads', '2'], {
      cwd: dir,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as {
      results: (Result & { error?: { code: string }; diagnostics: unknown[] })[];
    };
    expect(out.results).toHaveLength(Object.keys(files).length);
    expect(await checkOutputErrors(out)).toEqual([]);
    const by = (s: string) => out.results.find((r) => r.source === s)!;
    expect(by('bad.report.json').error?.code).toBe('INVALID_REPORT');
    // PDFs are read now (issue 13): a broken one is a reading note, not an unsupported kind.
    expect(by('doc.pdf').diagnostics.map((d) => d.ruleId)).toContain('EXTRACT-PDF-BROKEN');
    for (const name of [
      'doc.pdf',
      'empty.txt',
      'garbage.html',
      'truncated.docx',
      'deep.html',
      'a.html',
      'b.html',
    ]) {
      expect(by(name).found, name).toBe(false);
      expect(by(name).findings, name).toEqual([]);
      expect(by(name).diagnostics.length, name).toBeGreaterThan(0);
    }
  });
});

describe('reader threads', () => {
  it('give the same results as reading in one thread', async () => {
    const args = ['check', ...REPORT_FOLDERS, '-f', 'json', '--fail-on', 'never'];
    const one = await runCli([...args, '--threads', '0'], { cwd: CORPUS_DIR });
    const two = await runCli([...args, '--threads', '2'], { cwd: CORPUS_DIR });
    expect(two.code).toBe(0);
    expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));
    expect(results(two.stdout)).toHaveLength(9);
  });
});

describe('terminal', () => {
  it('colours text on request or FORCE_COLOR, never with NO_COLOR or into a file', async () => {
    const seed = corpusPath('seed/000_42380e1adf95d416.txt');
    expect((await runCli(['check', seed])).stdout.includes(ESC)).toBe(false);
    expect(
      (await runCli(['check', seed], { env: { NO_COLOR: '', FORCE_COLOR: '1' } })).stdout.includes(
        ESC,
      ),
    ).toBe(true);
    expect((await runCli(['check', seed, '--color'])).stdout.includes(ESC)).toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-color-'));
    await runCli(['check', seed, '--color', '-o', path.join(dir, 'out.txt')]);
    expect(readFileSync(path.join(dir, 'out.txt'), 'utf8').includes(ESC)).toBe(false);
  });

  it('draws a progress bar on a terminal for several inputs, and nothing when piped', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-tty-'));
    const out = path.join(dir, 'out.json');
    // util-linux `script` runs the CLI on a pseudo-terminal, as a reviewer's shell would.
    const tty = execFileSync(
      'script',
      [
        '-qec',
        `${process.execPath} ${CLI} check ${REPORT_FOLDERS.map((f) => corpusPath(f)).join(' ')} -f json -o ${out} --fail-on never`,
        '/dev/null',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(tty).toMatch(/9\/9/);
    expect(results(readFileSync(out, 'utf8'))).toHaveLength(9);
    const piped = await runCli([
      'check',
      ...REPORT_FOLDERS.map((f) => corpusPath(f)),
      '-f',
      'json',
      '--fail-on',
      'never',
    ]);
    expect(piped.stderr).toBe('');
    const one = execFileSync(
      'script',
      [
        '-qec',
        `${process.execPath} ${CLI} check ${corpusPath('seed/000_42380e1adf95d416.txt')} -o ${out} --fail-on never`,
        '/dev/null',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(one).not.toMatch(/1\/1/);
  });
});
