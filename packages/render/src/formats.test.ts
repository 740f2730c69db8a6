import { readFileSync } from 'node:fs';
import { ruleCatalogue } from '@nianbao/schema';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { checked, reportWith, sampleBatch, UNBALANCED } from '../test/fixtures.ts';
import { CSV_COLUMNS, renderCsv } from './csv.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderSarif } from './sarif.ts';
import { makeBatch, summarize } from './severity.ts';
import { renderText } from './text.ts';

const sarifSchema = JSON.parse(
  readFileSync(new URL('../test/sarif-2.1.0-rtm.5.schema.json', import.meta.url), 'utf8'),
);

describe('summary and exit codes', () => {
  it('fails on errors by default, on warnings when asked, never when told', () => {
    const batch = sampleBatch();
    expect(batch.summary.exitCode).toBe(1);
    expect(batch.summary.failed).toBe(1);
    expect(batch.summary.checked).toBe(2);
    expect(summarize(batch.results, 'never').exitCode).toBe(0);
    const good = batch.results.filter((r) => r.source === 'pages/good.html');
    expect(summarize(good, 'error').exitCode).toBe(0);
  });

  it('exits 2 when no input could be read', () => {
    const batch = sampleBatch();
    expect(summarize(batch.results.filter((r) => r.error)).exitCode).toBe(2);
  });
});

describe('text', () => {
  it('puts the report with errors first and names cells by their labels', () => {
    const text = renderText(sampleBatch());
    const bad = text.indexOf('pages/bad.html');
    const good = text.indexOf('pages/good.html');
    expect(bad).toBeGreaterThan(-1);
    expect(text.indexOf('missing.html')).toBeLessThan(good);
    expect(bad).toBeLessThan(good);
    expect(text).toContain('T3-COL-BALANCE');
    expect(text).toContain('表三「');
    expect(text).toContain('应为');
    expect(text).toContain('未发现问题');
    expect(text).toContain('无法读取');
    expect(text.includes('\u001b[')).toBe(false);
  });

  it('speaks English when asked', () => {
    const text = renderText(sampleBatch('en'), { locale: 'en' });
    expect(text).toContain('table 3, row');
    expect(text).toContain('no findings');
  });
});

describe('csv', () => {
  it('has one row per finding plus one per unreadable input', () => {
    const batch = sampleBatch();
    const parsed = Papa.parse<Record<string, string>>(renderCsv(batch), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    const findings = batch.results.reduce((n, r) => n + r.findings.length, 0);
    expect(parsed.data.length).toBe(findings + 1);
    const row = parsed.data.find((r) => r.ruleId === 'T3-COL-BALANCE')!;
    expect(row.cellLabel).toContain('表三');
    expect(row.source).toBe('pages/bad.html');
  });
});

describe('json', () => {
  it('round-trips the batch without provenance', () => {
    const batch = sampleBatch();
    batch.results[0]!.provenance = { cells: {} };
    const out = JSON.parse(renderJson(batch));
    expect(out.summary).toEqual(batch.summary);
    expect(out.results[0].provenance).toBeUndefined();
    expect(out.results[1].findings).toEqual(batch.results[1]!.findings);
  });
});

describe('sarif', () => {
  // The official schema has one pattern that is not valid under the u flag.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(sarifSchema);

  it('is valid SARIF 2.1.0 with the rule catalogue and cell locations', () => {
    const batch = sampleBatch();
    const bad = batch.results.find((r) => r.source === 'pages/bad.html')!;
    const [first, ...rest] = bad.findings;
    bad.findings = rest;
    bad.suppressed = [{ ...first!, suppressedReason: '已核实：原表如此' }];
    bad.provenance = { cells: { [first!.cells[0]!]: { raw: '5', location: { line: 42 } } } };
    const log = JSON.parse(
      renderSarif(batch, { catalogue: ruleCatalogue(), toolVersion: '0.1.0' }),
    );
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining(ruleCatalogue().map((r) => r.id)),
    );
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toMatch(/^https:\/\/.+#/);
    const suppressed = run.results.find((r: { suppressions?: unknown }) => r.suppressions);
    expect(suppressed.suppressions[0].justification).toBe('已核实：原表如此');
    expect(suppressed.locations[0].physicalLocation.region.startLine).toBe(42);
    expect(suppressed.locations[0].logicalLocations[0].fullyQualifiedName).toBe(first!.cells[0]);
    expect(run.invocations[0].toolExecutionNotifications).toHaveLength(1);
  });
});

describe('html', () => {
  it('is one self-contained page with a summary and flagged tables', () => {
    const html = renderHtml(sampleBatch(), {
      generator: 'nianbao test',
      catalogue: ruleCatalogue(),
    });
    const balance = ruleCatalogue().find((r) => r.id === 'T3-COL-BALANCE')!;
    expect(html).toContain(`title="${balance.docs.zh}`);
    expect(html).toContain('href="https://');
    expect(html).not.toMatch(/<script|<link|src="http|url\(http/);
    expect(html).toContain('<table class="nb-summary">');
    expect(html).toContain('data-flag="error"');
    expect(html).toContain('HTTP 404');
    const one = makeBatch([checked('a.html', reportWith('2019', UNBALANCED), 'en')]);
    expect(renderHtml(one, { locale: 'en' })).toContain('lang="en"');
  });
});

describe('a document without a readable report', () => {
  it('counts as an error for the exit code, though its diagnostics are warnings', () => {
    const good = sampleBatch().results.find((r) => r.source === 'pages/good.html')!;
    const notFound = { ...good, source: 'attachment-only.html', found: false, findings: [] };
    expect(summarize([good], 'error').exitCode).toBe(0);
    expect(summarize([good, notFound], 'error').exitCode).toBe(1);
    expect(summarize([good, notFound], 'never').exitCode).toBe(0);
  });
});
