/**
 * .docx made with LibreOffice (scripts/make-docx-fixtures.ts): merged cells
 * must survive mammoth → HTML → the HTML path.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { check, getCell, ReportSchema } from '@nianbao/schema';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../tests/corpus.ts';
import { extract } from '../src/node.ts';
import { type CorpusValues, expectedCells } from './expectations.ts';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));

const CASES: [string, () => CorpusValues][] = [
  ['merged-2021.docx', () => JSON.parse(fixture('merged-2021.values.json').toString('utf8'))],
  [
    'sh-gov-office-2019.docx',
    () => JSON.parse(readCorpus('pages/sh-gov-office-2019.fragment.values.json')),
  ],
  ['pt-syq-2019.docx', () => JSON.parse(readCorpus('pages/pt-syq-2019.values.json'))],
];

describe.each(CASES)('%s', (file, values) => {
  it('keeps the merged cells through mammoth', async () => {
    const html = (await mammoth.convertToHtml({ buffer: fixture(file) })).value;
    expect(html).toMatch(/rowspan="\d+"/);
    expect(html).toMatch(/colspan="\d+"/);
  });

  it('reads every cell of the document', async () => {
    const v = values();
    const { report, found, provenance } = await extract(new Uint8Array(fixture(file)));
    expect(found).toBe(true);
    expect(report.format).toBe(v.format);
    // Built by construction: the schema must accept it exactly as it is.
    expect(ReportSchema.parse(report)).toEqual(report);
    expect(report.meta.reportYear).toBe(v.reportYear);
    expect(report.meta.agencyName).toBe(v.agencyName);
    for (const cell of expectedCells(v)) {
      expect(getCell(report, cell.path), cell.path).toBe(cell.value);
      expect(provenance.cells[cell.path]?.location?.table, cell.path).toBeTypeOf('number');
    }
    expect(report.sections.map((s) => s.ordinal)).toEqual(['一', '二', '三', '四', '五', '六']);
  });
});

describe('docx edge cases', () => {
  it('the generated report balances: check finds no arithmetic defect', async () => {
    const { report } = await extract({
      kind: 'docx',
      data: new Uint8Array(fixture('merged-2021.docx')),
    });
    const arithmetic = check(report).filter((f) =>
      /^T3-(COL|ROW|RESULTS)|^T4-.*TOTAL/.test(f.ruleId),
    );
    expect(arithmetic).toEqual([]);
  });

  it('a zip that is not a Word file gives a diagnostic, not a throw', async () => {
    const bytes = new Uint8Array(fixture('merged-2021.docx'));
    const broken = bytes.slice(0, 200); // the zip header and then nothing
    const result = await extract({ kind: 'docx', data: broken });
    expect(result.found).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({
      ruleId: 'EXTRACT-DOCX-UNREADABLE',
      origin: 'extraction',
    });
  });
});
