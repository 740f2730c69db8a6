/**
 * Legacy Word 97–2003 .doc files (made by LibreOffice from the .docx fixtures,
 * scripts/make-pdf-fixtures.ts) read through word-extractor into the text
 * reader, cell for cell; in a browser a .doc gets a note saying how to go on.
 */
import { readFileSync } from 'node:fs';
import { getCell, ReportSchema } from '@nianbao/schema';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../tests/corpus.ts';
import { sniffDocument } from '../src/door/kind.ts';
import { createExtractor } from '../src/entry.ts';
import { extract } from '../src/node.ts';
import { type CorpusValues, expectedCells } from './expectations.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/pdf/${name}`, import.meta.url)));

const CASES: [string, () => CorpusValues][] = [
  ['pt-syq-2019.doc', () => JSON.parse(readCorpus('pages/pt-syq-2019.values.json'))],
  [
    'merged-2021.doc',
    () =>
      JSON.parse(
        readFileSync(new URL('./fixtures/merged-2021.values.json', import.meta.url), 'utf8'),
      ),
  ],
];

describe.each(CASES)('LibreOffice .doc %s', (name, valuesOf) => {
  it('goes through the door as a .doc and reads cell for cell', async () => {
    const bytes = fixture(name);
    expect(sniffDocument(bytes, { name }).kind).toBe('doc');
    const values = valuesOf();
    const { report, found } = await extract(bytes, { name });
    expect(found).toBe(true);
    expect(ReportSchema.parse(report)).toEqual(report);
    expect(report.format).toBe(values.format);
    expect(report.meta.reportYear).toBe(values.reportYear);
    expect(report.meta.agencyName).toBe(values.agencyName);
    const cells = expectedCells(values);
    expect(cells.length).toBeGreaterThan(150);
    for (const cell of cells) expect(getCell(report, cell.path), cell.path).toBe(cell.value);
  });
});

describe('.doc limits', () => {
  it('sh-gov-office-2019.doc: blank cells Word drops are not read, never misread', async () => {
    const values = JSON.parse(
      readCorpus('pages/sh-gov-office-2019.fragment.values.json'),
    ) as CorpusValues;
    const { report, found } = await extract(fixture('sh-gov-office-2019.doc'));
    expect(found).toBe(true);
    for (const cell of expectedCells(values)) {
      const got = getCell(report, cell.path);
      if (typeof got === 'number') expect(got, cell.path).toBe(cell.value);
    }
  });

  it('a broken .doc is a reading note, not a crash', async () => {
    const bytes = fixture('merged-2021.doc').slice(0, 3000);
    const r = await extract(bytes, { name: 'a.doc' });
    expect(r.found).toBe(false);
    expect(r.diagnostics[0]!.ruleId).toMatch(/^EXTRACT-(DOC-UNREADABLE|EMPTY|NOT-A-REPORT)$/);
  });

  it('where no .doc reader runs (the browser) the note says to save as .docx or PDF', async () => {
    const { extract: browserLike } = createExtractor({
      parseHtml: (html) => parseHTML(html).document as unknown as Document,
      docxToHtml: async () => '',
    });
    const r = await browserLike(fixture('merged-2021.doc'), { name: 'a.doc' });
    expect(r.found).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'EXTRACT-DOC-UNREADABLE' });
    expect(r.diagnostics[0]!.message).toContain('另存为 .docx 或 PDF');
  });

  it('.wps, .et, .ofd and .zip stay unsupported, with the way on', async () => {
    const ole = fixture('merged-2021.doc');
    for (const name of ['a.wps', 'a.et']) {
      const r = await extract(ole, { name });
      expect(r.diagnostics[0]).toMatchObject({ ruleId: 'EXTRACT-UNSUPPORTED' });
      expect(r.diagnostics[0]!.message).toContain('另存为 .docx 或 PDF');
    }
  });
});
