import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../core/format-message.ts';
import { EXTRACTION_DIAGNOSTICS, type ExtractionDiagnosticId, extractionFinding } from './index.ts';

const entries = Object.entries(EXTRACTION_DIAGNOSTICS) as [
  ExtractionDiagnosticId,
  (typeof EXTRACTION_DIAGNOSTICS)[ExtractionDiagnosticId],
][];

describe('extraction diagnostics catalogue', () => {
  it('has both languages with the same placeholders for every message', () => {
    for (const [id, meta] of entries) {
      expect(meta.id).toBe(id);
      for (const [messageId, m] of Object.entries(meta.messages)) {
        expect(m.zh.length, `${id}.${messageId} zh`).toBeGreaterThan(0);
        expect(m.en.length, `${id}.${messageId} en`).toBeGreaterThan(0);
        expect(placeholdersOf(m.zh), `${id}.${messageId}`).toEqual(placeholdersOf(m.en));
        expect(/\p{Script=Han}/u.test(m.zh), `${id}.${messageId} zh is Chinese`).toBe(true);
      }
    }
  });

  it('uses the spec rule id where the diagnostic is the extraction side of a rule', () => {
    expect(EXTRACTION_DIAGNOSTICS['T4-SHAPE'].ruleId).toBe('T4-SHAPE');
    expect(EXTRACTION_DIAGNOSTICS['T3-A-SHAPE'].ruleId).toBe('T3-A-SHAPE');
    expect(EXTRACTION_DIAGNOSTICS['T3-B-SHAPE'].ruleId).toBe('T3-B-SHAPE');
  });

  it('builds findings with origin "extraction" in both languages, placeholders filled', () => {
    const params = { actual: 16, raw: '0 0 0', count: 16, position: 3 };
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const [id, meta] of entries) {
        for (const messageId of Object.keys(meta.messages)) {
          const f = extractionFinding(
            id,
            {
              messageId,
              params: {
                ...params,
                reason: 'x',
                attachment: 'a.doc',
                table: '三',
                title: 't',
                format: '2019',
                basis: 'y',
                labels: 'l',
                label: 'r',
                cell: 'c',
                values: '1, 2',
                expected: 7,
                rows: 'r',
                size: '5 MB',
                limit: '4 MB',
                year: 2020,
                kind: 'PDF',
                ratio: 100,
                entry: 'word/document.xml',
                href: 'https://x.gov.cn/a.doc',
                entries: 2001,
                max: 2000,
                missing: 4,
                page: 3,
                count: 3,
                where: 'meta',
              },
            },
            locale,
          );
          expect(f.origin).toBe('extraction');
          expect(f.ruleId).toBe(meta.ruleId);
          expect(f.message).not.toMatch(/\{\w+\}/);
        }
      }
    }
    const en = extractionFinding('T4-SHAPE', { messageId: 'certain', params }, 'en');
    expect(en.message).toContain('certain');
    const zh = extractionFinding('T4-SHAPE', { messageId: 'certain', params });
    expect(zh.message).toContain('确定');
    expect(zh.severity).toBe('error');
  });

  it('gives stable fingerprints that differ from the report-side rule', () => {
    const a = extractionFinding('T4-SHAPE', { params: { actual: 16, raw: '' } });
    const b = extractionFinding('T4-SHAPE', { params: { actual: 17, raw: '' } });
    expect(a.fingerprint).toBe(b.fingerprint);
    const c = extractionFinding('EXTRACT-ROW-MISSING', { key: 'x' });
    const e = extractionFinding('EXTRACT-ROW-MISSING', { key: 'y' });
    expect(c.fingerprint).not.toBe(e.fingerprint);
  });
});
