import { base64url } from '@nianbao/extract/door';
import { describe, expect, it } from 'vitest';
import { formImportUrl, pageBatch, renderExport } from './exports.ts';
import { defectiveReport, stateFor } from './fixture.test-util.ts';

function decode(segment: string): unknown {
  const b64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) =>
    c.charCodeAt(0),
  );
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

describe('exports', () => {
  const state = stateFor(defectiveReport());

  it('hands the report to the form in #import= as base64url UTF-8 JSON', () => {
    const url = new URL(formImportUrl('http://127.0.0.1:8787/', state.reports[0]!, state.url));
    expect(url.origin).toBe('http://127.0.0.1:8787');
    expect(url.hash.startsWith('#import=')).toBe(true);
    const segment = url.hash.slice('#import='.length);
    expect(segment).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decode(segment)).toEqual({
      report: state.reports[0]!.report,
      provenance: { cells: {} },
      source: state.url,
    });
  });

  it('encodes large payloads without overflowing the call stack', () => {
    const text = '政'.repeat(200_000);
    expect(decode(base64url(JSON.stringify(text)))).toBe(text);
  });

  it('splits report findings from extraction diagnostics for the shared formatters', () => {
    const batch = pageBatch(state);
    expect(batch.results).toHaveLength(1);
    const total = state.reports[0]!.findings.length;
    expect(batch.results[0]!.findings.length + batch.results[0]!.diagnostics.length).toBe(total);
    expect(batch.summary.findings.error).toBe(state.counts.error);
    expect(JSON.parse(renderExport(state, 'json', 'zh-CN')).results[0].findings).toHaveLength(
      batch.results[0]!.findings.length,
    );
  });

  it('writes one CSV row per finding and an HTML report that escapes page text', () => {
    const csv = renderExport(state, 'csv', 'en').trim().split(/\r?\n/);
    expect(csv.length).toBe(1 + state.reports[0]!.findings.length);
    const html = renderExport(state, 'html', 'zh-CN');
    expect(html.toLowerCase()).toContain('<!doctype html>');
    expect(html).not.toContain('<script>x()</script>');
  });

  it('exports a page without a report as "not found" with the reasons', () => {
    const batch = pageBatch({ ...state, state: 'no-report', reports: [], diagnostics: [] });
    expect(batch.results[0]!.found).toBe(false);
    expect(batch.summary.notFound).toBe(1);
  });
});
