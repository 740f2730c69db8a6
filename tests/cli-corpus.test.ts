// The built CLI on the seed and the corpus: every output format, parsed and validated.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ruleCatalogue } from '@nianbao/schema';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkOutputErrors, ensureCliBuilt, ROOT, runCli } from './cli-helpers.ts';
import { CORPUS_DIR, REPORT_FOLDERS } from './corpus.ts';

interface JsonFinding {
  ruleId: string;
  severity: string;
  origin: string;
  message: string;
  cells: string[];
  fingerprint: string;
}
interface JsonResult {
  source: string;
  format: string | null;
  reportYear: number | null;
  agencyName: string | null;
  report: unknown;
  findings: JsonFinding[];
  diagnostics: JsonFinding[];
  suppressed: (JsonFinding & { suppressedReason: string })[];
  found: boolean;
  error?: { code: string; message: string };
}
interface JsonOutput {
  tool: { name: string; version: string };
  results: JsonResult[];
  summary: Record<string, unknown> & { exitCode: number; inputs: number; suppressed: number };
}

const DOCUMENTS = [
  'pages/pt-gaj-2020.html',
  'pages/pt-shs-2023.html',
  'pages/pt-syq-2019.html',
  'pages/pt-syq-2023.html',
  'pages/sh-gov-office-2019.fragment.html',
  'seed/000_42380e1adf95d416.txt',
  'text/pt-czj-2020.txt',
  'text/pt-syq-2022.txt',
  'text/sy-gov-2025.txt',
];

// Run from the corpus folder so that sources read `pages/…`, wherever the repo is cloned.
const inCorpus = (args: string[]) => runCli(args, { cwd: CORPUS_DIR });
let json: JsonOutput;
let jsonCode: number;

beforeAll(async () => {
  ensureCliBuilt();
  const run = await inCorpus(['check', ...REPORT_FOLDERS, '--format', 'json']);
  jsonCode = run.code;
  json = JSON.parse(run.stdout);
}, 180_000);

const visible = (r: JsonResult) => [...r.findings, ...r.diagnostics];
const byName = (name: string) => json.results.find((r) => r.source === name)!;

describe('nianbao check on the corpus', () => {
  it('reads every document of the corpus once, in order, and exits 1 for the defects', () => {
    expect(json.results.map((r) => r.source)).toEqual(DOCUMENTS);
    expect(json.tool.name).toBe('nianbao');
    expect(json.summary.inputs).toBe(DOCUMENTS.length);
    expect(jsonCode).toBe(1);
    expect(json.summary.exitCode).toBe(1);
  });

  it('writes output valid against its schema, reports valid against report.schema.json', async () => {
    const schema = JSON.parse(
      readFileSync(path.join(ROOT, 'packages/schema/report.schema.json'), 'utf8'),
    );
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(await checkOutputErrors(json)).toEqual([]);
    for (const r of json.results) {
      expect(r.error, r.source).toBeUndefined();
      const ok = validate(r.report);
      expect(validate.errors ?? [], r.source).toEqual([]);
      expect(ok).toBe(true);
      for (const f of visible(r)) {
        expect(['error', 'warning', 'info']).toContain(f.severity);
        expect(['report', 'extraction']).toContain(f.origin);
        expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
        expect(f.message.length).toBeGreaterThan(0);
        expect(Array.isArray(f.cells)).toBe(true);
      }
      for (const f of r.diagnostics) expect(f.origin).toBe('extraction');
    }
  });

  it('says tables were not found on a page whose report is an attachment, instead of reading zeros', () => {
    const gaj = byName('pages/pt-gaj-2020.html');
    const report = gaj.report as { applications?: unknown; appeals?: unknown };
    expect(report.applications).toBeUndefined();
    expect(report.appeals).toBeUndefined();
    expect(gaj.diagnostics.length).toBeGreaterThan(0);
    expect(gaj.findings.some((f) => f.ruleId.startsWith('T3-'))).toBe(false);
  });

  it('does not check a document that holds no report, and shows why', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-none-'));
    writeFileSync(path.join(dir, 'home.html'), '<html><body><p>欢迎访问本网站</p></body></html>');
    const run = await runCli(['check', 'home.html', '--format', 'json'], { cwd: dir });
    const r = (JSON.parse(run.stdout) as JsonOutput).results[0]!;
    expect(r.found).toBe(false);
    expect(r.format).toBeNull();
    expect(r.findings).toEqual([]);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    const text = await runCli(['check', 'home.html'], { cwd: dir });
    expect(text.stdout).toContain('未能在该文档中读到年度报告，未做检查');
    expect(text.stdout).toContain(r.diagnostics[0]!.message);
  });

  it('finds the documented defects of the seed and of the Shanghai fragment', () => {
    const seed = byName('seed/000_42380e1adf95d416.txt');
    expect(seed.found).toBe(true);
    expect(seed.format).toBe('2019');
    expect(seed.reportYear).toBe(2020);
    expect(seed.agencyName).toContain('嵩县公安局');
    expect(visible(seed).some((f) => f.severity === 'error')).toBe(true);
    const sh = byName('pages/sh-gov-office-2019.fragment.html');
    const ids = new Set(sh.findings.map((f) => f.ruleId));
    expect(ids.has('T3-ROW-TOTAL') || ids.has('T3-TOTAL-BLANK')).toBe(true);
  });

  it('prints a readable Chinese text report (snapshot) and an English one', async () => {
    const text = await inCorpus(['check', ...REPORT_FOLDERS]);
    expect(text.code).toBe(1);
    expect(text.stderr).toBe('');
    for (const doc of DOCUMENTS) expect(text.stdout).toContain(doc);
    expect(text.stdout).toContain('共 9 个输入');
    expect(text.stdout.includes('\u001b[')).toBe(false);
    expect(text.stdout).toMatchSnapshot();
    const en = await inCorpus(['check', ...REPORT_FOLDERS, '--locale', 'en']);
    expect(en.stdout).toContain('9 inputs');
  });

  it('writes SARIF 2.1.0 valid against the official schema', async () => {
    const run = await inCorpus(['check', ...REPORT_FOLDERS, '--format', 'sarif']);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    const schema = JSON.parse(
      readFileSync(path.join(ROOT, 'packages/render/test/sarif-2.1.0-rtm.5.schema.json'), 'utf8'),
    );
    const ajv = new AjvDraft04({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run0 = log.runs[0];
    const ruleIds = run0.tool.driver.rules.map((r: { id: string }) => r.id);
    for (const r of ruleCatalogue()) expect(ruleIds).toContain(r.id);
    const total = json.results.reduce((n, r) => n + visible(r).length + r.suppressed.length, 0);
    expect(run0.results).toHaveLength(total);
    for (const res of run0.results) {
      expect(res.locations[0].physicalLocation.artifactLocation.uri).toMatch(
        /^(pages|seed|text)\//,
      );
      expect(run0.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
    }
    // The extractor records lines for HTML cells: at least one result points at one.
    expect(
      run0.results.some(
        (r: { locations: { physicalLocation: { region?: { startLine: number } } }[] }) =>
          (r.locations[0]!.physicalLocation.region?.startLine ?? 0) > 0,
      ),
    ).toBe(true);
  });

  it('writes one CSV row per finding', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-csv-'));
    const out = path.join(dir, 'out.csv');
    const run = await inCorpus(['check', ...REPORT_FOLDERS, '--format', 'csv', '--output', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const parsed = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    const total = json.results.reduce((n, r) => n + visible(r).length + r.suppressed.length, 0);
    expect(parsed.data).toHaveLength(total);
    const first = json.results.flatMap((r) => r.findings.map((f) => ({ r, f })))[0]!;
    const row = parsed.data.find(
      (d) => d.fingerprint === first.f.fingerprint && d.source === first.r.source,
    )!;
    expect(row.ruleId).toBe(first.f.ruleId);
    expect(row.message).toBe(first.f.message);
  });

  it('lists suppressed findings with their reason and counts them', async () => {
    const seed = byName('seed/000_42380e1adf95d416.txt');
    const target = seed.findings[0]!;
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-sup-'));
    const file = path.join(dir, 'suppress.json');
    writeFileSync(
      file,
      JSON.stringify({
        suppressions: [
          { fingerprint: target.fingerprint, reason: '已与原件核对', source: 'seed/' },
        ],
      }),
    );
    const run = await inCorpus(['check', 'seed', '--format', 'json', '--suppress', file]);
    const out = JSON.parse(run.stdout) as JsonOutput;
    const r = out.results[0]!;
    expect(r.suppressed.map((f) => [f.fingerprint, f.suppressedReason])).toEqual([
      [target.fingerprint, '已与原件核对'],
    ]);
    expect(r.findings.map((f) => f.fingerprint)).not.toContain(target.fingerprint);
    expect(out.summary.suppressed).toBe(1);
    const text = await inCorpus(['check', 'seed', '--suppress', file]);
    expect(text.stdout).toContain('已抑制 1 条');
    expect(text.stdout).toContain('已与原件核对');
  });

  it('writes the text, the JSON, the SARIF and the HTML page in one run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-all-'));
    const file = (name: string) => path.join(dir, name);
    const run = await inCorpus([
      'check',
      ...REPORT_FOLDERS,
      '-o',
      file('结果.json'),
      '-o',
      file('结果.sarif'),
      '-o',
      file('结果.html'),
      '-o',
      '-',
    ]);
    expect(run.code).toBe(1);
    const text = await inCorpus(['check', ...REPORT_FOLDERS]);
    expect(run.stdout).toBe(text.stdout);
    expect(JSON.parse(readFileSync(file('结果.json'), 'utf8'))).toEqual(json);
    const sarif = JSON.parse(readFileSync(file('结果.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    expect(readFileSync(file('结果.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('sets the exit code from --fail-on', async () => {
    expect(
      (await inCorpus(['check', ...REPORT_FOLDERS, '--fail-on', 'never', '-f', 'json'])).code,
    ).toBe(0);
    expect(
      (await inCorpus(['check', ...REPORT_FOLDERS, '--fail-on', 'warning', '-f', 'json'])).code,
    ).toBe(1);
    expect((await inCorpus(['check', 'missing-file.html'])).code).toBe(2);
    expect((await inCorpus(['check', '--format', 'pdf', ...REPORT_FOLDERS])).code).toBe(2);
  });

  it('runs as `npx nianbao` and `npm run nianbao --` from the repository', async () => {
    const { execFileSync } = await import('node:child_process');
    const version = JSON.parse(
      readFileSync(path.join(ROOT, 'apps/cli/package.json'), 'utf8'),
    ).version;
    expect(
      execFileSync('npx', ['--no-install', 'nianbao', '--version'], {
        cwd: ROOT,
        encoding: 'utf8',
      }).trim(),
    ).toBe(version);
    const viaNpm = execFileSync(
      'npm',
      ['run', '--silent', 'nianbao', '--', 'rules', '-f', 'json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(viaNpm).map((r: { id: string }) => r.id)).toEqual(
      ruleCatalogue().map((r) => r.id),
    );
  });
});
