/**
 * extract + check end to end on the corpus: the findings each document must
 * give, with the report's defects as origin "report" and our reading
 * problems as origin "extraction" — never one for the other.
 */
import { readFileSync } from 'node:fs';
import { extract } from '@nianbao/extract/node';
import { check, type Finding } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { corpusPath } from './corpus.ts';

async function findings(
  rel: string,
): Promise<{ extraction: Finding[]; report: Finding[]; found: boolean }> {
  const r = await extract(readFileSync(corpusPath(rel)));
  return {
    found: r.found,
    extraction: r.diagnostics,
    report: r.found ? check(r.report, { provenance: r.provenance }) : [],
  };
}

const ARITHMETIC = /^(T3-COL-BALANCE|T3-ROW-TOTAL|T3-RESULTS-SUM|T4-(REV|LITD|LITR)-TOTAL)$/;

describe('extract + check on the corpus', () => {
  it('sh-gov-office-2019: the blank 总计 column on 11 rows, as one finding (issue 12)', async () => {
    const { report, extraction } = await findings('pages/sh-gov-office-2019.fragment.html');
    expect(extraction.filter((d) => d.severity !== 'info')).toEqual([]);
    // One cause, one finding: not 11 T3-ROW-TOTAL and a T3-RESULTS-SUM besides.
    const blank = report.filter((f) => f.ruleId === 'T3-TOTAL-BLANK');
    expect(blank).toHaveLength(1);
    expect(blank[0]!.cells).toHaveLength(11);
    expect(blank[0]!.cells.every((c) => c.endsWith('.total'))).toBe(true);
    expect(report.some((f) => /^T3-(ROW-TOTAL|RESULTS-SUM|COL-BALANCE)$/.test(f.ruleId))).toBe(
      false,
    );
  });

  it('the seed: its four known defects, the table 四 one on the extraction side', async () => {
    const { report, extraction } = await findings('seed/000_42380e1adf95d416.txt');
    expect(extraction.map((d) => d.ruleId)).toEqual(['T4-SHAPE']);
    expect(extraction[0]!.origin).toBe('extraction');
    const ids = report.map((f) => f.ruleId);
    for (const id of ['S-HEADING-ORDINAL-UNIQUE', 'S-SUBHEADING-SEQUENCE', 'MONEY-HDR-DECIMALS'])
      expect(ids).toContain(id);
    expect(report.filter((f) => ARITHMETIC.test(f.ruleId))).toEqual([]);
  });

  it.each([
    'pages/pt-syq-2019.html',
    'pages/pt-syq-2023.html',
    'pages/pt-shs-2023.html',
    'text/pt-czj-2020.txt',
    'text/pt-syq-2022.txt',
    'text/sy-gov-2025.txt',
  ])('%s: tables that add up give no arithmetic finding', async (rel) => {
    const { report, found } = await findings(rel);
    expect(found).toBe(true);
    expect(report.filter((f) => ARITHMETIC.test(f.ruleId))).toEqual([]);
  });

  it('pt-shs-2023: the missing 规章 row is a shape defect of the report, the wording a label warning', async () => {
    const { report } = await findings('pages/pt-shs-2023.html');
    expect(report.find((f) => f.ruleId === 'T2-B-SHAPE')?.cells).toContain(
      'activeDisclosure.regulations',
    );
    expect(report.find((f) => f.ruleId === 'T2-LABELS')?.cells).toContain(
      'activeDisclosure.normativeDocuments',
    );
  });

  it('pt-syq-2022: the row we could not read is ours, not a missing row of the report', async () => {
    const { report, extraction } = await findings('text/pt-syq-2022.txt');
    expect(extraction.find((d) => d.ruleId === 'EXTRACT-SPLIT-AMBIGUOUS')?.origin).toBe(
      'extraction',
    );
    expect(
      report.filter((f) =>
        f.cells.some((c) => c.startsWith('activeDisclosure.normativeDocuments')),
      ),
    ).toEqual([]);
  });

  it('pt-gaj-2020: the report is an attachment: found is false, "no table found", no check', async () => {
    const { found, extraction } = await findings('pages/pt-gaj-2020.html');
    expect(found).toBe(false);
    expect(extraction.map((d) => d.ruleId)).toEqual(['EXTRACT-NO-TABLES']);
  });
});
