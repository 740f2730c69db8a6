// `check` never throws on a schema-valid report, however partial (the form
// calls it on every keystroke), and always returns well-formed findings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, checkDetailed, type Format, ReportSchema, rules } from '../src/index.ts';
import { partialReportArb } from './arbitraries.ts';

const ids = new Set(rules.map((r) => r.meta.id));
const rawText = fc.oneof(
  fc.constantFrom(
    '',
    '-',
    '无',
    '&nbsp;',
    '1,511',
    '１５１１',
    '251000元',
    '1511.0000',
    '—',
    '12件',
  ),
  fc.string(),
);

describe.each(['2019', '2021'] as Format[])(
  'check on random partial reports, format %s',
  (format) => {
    it('never throws and returns well-formed findings', () => {
      fc.assert(
        fc.property(
          partialReportArb(format),
          fc.option(partialReportArb(format)),
          fc.constantFrom('zh-CN', 'en') as fc.Arbitrary<'zh-CN' | 'en'>,
          fc.dictionary(
            fc.constantFrom(
              'activeDisclosure.procurement.amount',
              'activeDisclosure.fees.amount',
              'applications.newReceived.total',
              'appeals.review.total',
              'not.a.cell',
            ),
            fc.record({ raw: rawText, header: fc.option(fc.string(), { nil: undefined }) }),
          ),
          (report, previous, locale, cells) => {
            const parsed = ReportSchema.safeParse(report);
            expect(parsed.error?.issues ?? []).toEqual([]);
            const findings = check(report, {
              locale,
              ...(previous && { previous }),
              provenance: { cells },
            });
            for (const f of findings) {
              expect(ids.has(f.ruleId), f.ruleId).toBe(true);
              expect(['error', 'warning', 'info']).toContain(f.severity);
              expect(typeof f.message).toBe('string');
              expect(f.message.length).toBeGreaterThan(0);
              // An engine note (origin extraction, info) would mean a rule crashed.
              expect(f.message, f.ruleId).not.toMatch(/未能运行|could not run/);
              expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
              expect(Array.isArray(f.cells)).toBe(true);
              if (f.fix) expect(Number.isFinite(f.fix.value)).toBe(true);
            }
          },
        ),
        { numRuns: 100 },
      );
    }, 60_000);

    it('runs on an empty report of the format', () => {
      const report = ReportSchema.parse({ format });
      expect(() => checkDetailed(report)).not.toThrow();
    });
  },
);

describe('check on things that are not reports', () => {
  it.each([
    [null],
    [undefined],
    [42],
    ['report'],
    [[]],
    [{}],
    [{ format: '2018' }],
    [{ format: 2019 }],
    [{ format: '2021', applications: { newReceived: { naturalPerson: '5' } } }],
    [{ format: '2019', appeals: { review: { total: Number.NaN } } }],
  ])('throws a clear TypeError for %j', (bad) => {
    expect(() => check(bad as never)).toThrow(TypeError);
    expect(() => check(bad as never)).toThrow(/check\(\): /);
  });

  it('names the cells that hold something other than a number', () => {
    const bad = { format: '2021', applications: { newReceived: { naturalPerson: '5' } } };
    expect(() => check(bad as never)).toThrow(
      'check(): cells must be numbers or null (parse the input with ReportSchema first): applications.newReceived.naturalPerson = "5"',
    );
  });
});
