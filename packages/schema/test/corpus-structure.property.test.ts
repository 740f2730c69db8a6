// Properties of the structure and narrative rules over generated reports:
// any order of the six sections, any stray repeated heading, and texts that
// state the numbers of any consistent table (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, checkDetailed, type Format, getCell, type Report } from '../src/index.ts';
import { officialSections } from '../src/text/fixtures.ts';
import { consistentReportArb } from './arbitraries.ts';

const STRUCTURE = ['S-SECTIONS-PRESENT', 'S-SECTION-ORDER', 'S-HEADING-ORDINAL-UNIQUE'];
const structure = (report: Report) =>
  check(report, { rules: STRUCTURE }).map((f) => `${f.ruleId} ${f.cells[0]}`);

function withSections(report: Report, sections: Report['sections']): Report {
  return { ...report, sections };
}

describe.each(['2019', '2021'] as Format[])('structure rules, format %s', (format) => {
  it('any order of the six sections: one S-SECTION-ORDER finding per section that comes too late, nothing else', () => {
    fc.assert(
      fc.property(
        consistentReportArb(format),
        fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6 }),
        (report, order) => {
          const six = officialSections();
          const found = structure(
            withSections(
              report,
              order.map((i) => six[i]!),
            ),
          );
          // A section is out of order when a later-numbered one came before it.
          const late = order.filter((n, i) => order.slice(0, i).some((m) => m > n));
          expect(found).toEqual(late.map((n) => `S-SECTION-ORDER sections.${n + 1}`));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a repeated ordinal anywhere after its section: exactly one S-HEADING-ORDINAL-UNIQUE on the section it sits in', () => {
    fc.assert(
      fc.property(
        consistentReportArb(format),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        (report, repeated, offset) => {
          const sections = officialSections();
          const at = Math.min(repeated + offset, 6);
          const ordinal = sections[repeated]!.ordinal;
          sections.splice(at, 0, {
            ordinal,
            heading: `${ordinal}、下步打算`,
            text: '将进一步加强。',
          });
          expect(structure(withSections(report, sections))).toEqual([
            `S-HEADING-ORDINAL-UNIQUE sections.${at}`,
          ]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe.each(['2019', '2021'] as Format[])(
  'XT-TEXT-TABLE over consistent tables, format %s',
  (format) => {
    const A = 'applications';
    const statements = (r: Report) => {
      const n = (p: string) => getCell(r, p) ?? 0;
      return [
        ['共收到政府信息公开申请', n(`${A}.newReceived.total`)],
        ['其中自然人申请', n(`${A}.newReceived.naturalPerson`)],
        ['；予以公开', n(`${A}.results.granted.total`)],
        ['，部分公开', n(`${A}.results.partiallyGranted.total`)],
        ['；共办理', n(`${A}.results.total.total`)],
        ['，结转下年度', n(`${A}.carriedForward.total`)],
        ['。被申请行政复议', n('appeals.review.total')],
      ] as const;
    };
    const text = (parts: readonly (readonly [string, number])[]) =>
      `${parts.map(([words, value]) => `${words}${value}件`).join('')}。`;

    it('every number stated from the table is matched, and none is reported', () => {
      fc.assert(
        fc.property(consistentReportArb(format), (report) => {
          const r = withSections(report, officialSections({ 1: text(statements(report)) }));
          const { findings, passes } = checkDetailed(r, { rules: ['XT-TEXT-TABLE'] });
          expect(findings).toEqual([]);
          expect(passes).toHaveLength(7);
        }),
        { numRuns: 100 },
      );
    });

    it("one number stated wrong gives exactly one warning, with the text's and the table's value", () => {
      fc.assert(
        fc.property(
          consistentReportArb(format),
          fc.integer({ min: 0, max: 6 }),
          fc.integer({ min: 1, max: 50 }),
          (report, which, delta) => {
            // "received" and "natural persons" may also count last year's carry-over (一 + 二).
            const n = (p: string) => getCell(report, p) ?? 0;
            const alsoRight = [
              n(`${A}.newReceived.total`) + n(`${A}.carriedOver.total`),
              n(`${A}.newReceived.naturalPerson`) + n(`${A}.carriedOver.naturalPerson`),
            ];
            fc.pre(which > 1 || statements(report)[which]![1] + delta !== alsoRight[which]);
            const parts = statements(report).map(
              ([w, v], i) => [w, i === which ? v + delta : v] as const,
            );
            const r = withSections(report, officialSections({ 1: text(parts) }));
            const findings = check(r, { rules: ['XT-TEXT-TABLE'] });
            expect(findings).toHaveLength(1);
            // The text's number and the table's, named as such (neither is "expected").
            expect(findings[0]).toMatchObject({
              severity: 'warning',
              params: {
                table: statements(report)[which]![1],
                value: statements(report)[which]![1] + delta,
              },
            });
          },
        ),
        { numRuns: 150 },
      );
    });
  },
);
