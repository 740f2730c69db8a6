// CSV injection (OWASP): text that a spreadsheet would run as a formula comes out neutralised.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { checked, reportWith, UNBALANCED } from '../test/fixtures.ts';
import { neutraliseCell, renderCsv } from './csv.ts';
import { makeBatch } from './severity.ts';
import type { CheckedReport } from './types.ts';

const parse = (csv: string) =>
  Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });

describe('csv formula neutralisation', () => {
  const payloads = {
    '=': "=cmd|' /C calc'!A0",
    '+': '+1+cmd|calc',
    '-': '-2+3+cmd|calc',
    '@': '@SUM(1+1)*cmd|calc',
    tab: '\t=1+1',
    CR: '\r=1+1',
  };

  for (const [start, payload] of Object.entries(payloads)) {
    it(`prefixes a text cell starting with ${start} with a single quote`, () => {
      expect(neutraliseCell(payload)).toBe(`'${payload}`);
      const report = reportWith('2019', UNBALANCED);
      report.meta.agencyName = payload;
      const bad = checked(`${payload}.html`, report);
      const broken: CheckedReport = {
        source: 'https://example.gov.cn/x.html',
        format: null,
        reportYear: null,
        agencyName: null,
        report: null,
        findings: [],
        diagnostics: [],
        suppressed: [],
        found: false,
        error: { code: 'NETWORK', message: payload },
      };
      const rows = parse(renderCsv(makeBatch([{ ...bad, agencyName: payload }, broken]))).data;
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows.slice(0, -1)) {
        expect(row.agencyName).toBe(`'${payload}`);
        expect(row.source).toBe(`'${payload}.html`);
      }
      expect(rows.at(-1)!.message).toBe(`'${payload}`);
      // No cell of the file starts a formula.
      for (const row of rows)
        for (const value of Object.values(row)) expect(value, value).not.toMatch(/^[=+\-@\t\r]/);
    });
  }

  it('also catches a formula followed by a line break (Papa.unparse escapeFormulae misses it)', () => {
    expect(neutraliseCell('=1+1\nnext')).toBe("'=1+1\nnext");
  });

  it('leaves ordinary text and numbers alone; negative numbers stay numbers', () => {
    expect(neutraliseCell('平潭综合实验区')).toBe('平潭综合实验区');
    expect(neutraliseCell('a=b')).toBe('a=b');
    expect(neutraliseCell(-3)).toBe(-3);
    expect(neutraliseCell(42)).toBe(42);
    const report = reportWith('2019', UNBALANCED);
    const row = parse(renderCsv(makeBatch([checked('pages/bad.html', report)]))).data.find(
      (r) => r.expected !== '',
    )!;
    expect(row.expected).toMatch(/^\d+$/);
    expect(row.reportYear).toBe('2020');
  });
});
