/**
 * Every corpus page read cell by cell against its hand-read values.json, and
 * the seed against the numbers printed in the seed file itself.
 */
import { readFileSync } from 'node:fs';
import { getCell, ReportSchema } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { corpusPath, readCorpus } from '../../../tests/corpus.ts';
import { extract } from '../src/node.ts';
import { type CorpusValues, expectedCells } from './expectations.ts';

const PAGES = ['pt-syq-2019', 'pt-syq-2023', 'pt-shs-2023', 'sh-gov-office-2019.fragment'];
// pt-gaj-2020 holds only the title of a report published as an attachment: tested apart below.

describe.each(PAGES)('corpus page %s', (id) => {
  const values = JSON.parse(readCorpus(`pages/${id}.values.json`)) as CorpusValues;
  const load = () => extract(readFileSync(corpusPath(`pages/${id}.html`)));

  it('reads the meta data', async () => {
    const { report, found } = await load();
    expect(found).toBe(true);
    expect(report.format).toBe(values.format);
    // Built by construction: the schema must accept it exactly as it is.
    expect(ReportSchema.parse(report)).toEqual(report);
    expect(report.meta.reportYear).toBe(values.reportYear);
    expect(report.meta.agencyName).toBe(values.agencyName);
    expect(report.meta.publishedAt).toBe(values.publishedAt);
  });

  it('reads every cell as printed on the page', async () => {
    const { report, provenance } = await load();
    const cells = expectedCells(values);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      expect(getCell(report, cell.path), cell.path).toBe(cell.value);
      const prov = provenance.cells[cell.path];
      expect(prov, cell.path).toBeDefined();
      if (cell.raw) expect(prov!.raw).toBe(cell.raw);
      // Locator of an HTML string: table, grid row and column, and source line.
      expect(prov!.location?.table).toBeTypeOf('number');
      expect(prov!.location?.line).toBeGreaterThanOrEqual(1);
    }
  });

  it('reads the six sections in order and the 勾稽 statement', async () => {
    const { report, provenance } = await load();
    expect(report.sections.map((s) => s.ordinal)).toEqual(['一', '二', '三', '四', '五', '六']);
    expect(report.sections[0]!.text.length).toBeGreaterThan(50);
    expect(provenance.tableHeaders?.applications).toMatch(/[勾钩]稽关系/);
  });

  it('records every matched label for the *-LABELS rules', async () => {
    const { provenance } = await load();
    const rows = provenance.labels!.filter((l) => l.kind === 'row');
    expect(rows.length).toBe(
      Object.keys(values.applications).length + Object.keys(values.activeDisclosure).length,
    );
    expect(provenance.labels!.some((l) => l.kind === 'caption')).toBe(true);
  });
});

describe('corpus page specifics', () => {
  it('pt-syq-2019: the purchase total written 75394432.52元 keeps its raw text', async () => {
    const { report, provenance } = await extract(
      readFileSync(corpusPath('pages/pt-syq-2019.html')),
    );
    expect(getCell(report, 'activeDisclosure.procurement.amount')).toBe(75394432.52);
    expect(provenance.cells['activeDisclosure.procurement.amount']?.raw).toBe('75394432.52元');
    expect(provenance.cells['activeDisclosure.procurement.amount']?.header).toBe('采购总金额');
    // The locator's line is the source line of the cell.
    const html = readCorpus('pages/pt-syq-2019.html');
    const line = html.slice(0, html.indexOf('75394432.52元')).split('\n').length;
    const location = provenance.cells['activeDisclosure.procurement.amount']?.location;
    expect(location?.line).toBe(line);
    expect(location).toMatchObject({ table: 0 });
  });

  it('pt-shs-2023: no 规章 row (reported), 规范性文件 wording recorded, 钩稽 spelling read', async () => {
    const { report, provenance, diagnostics } = await extract(
      readFileSync(corpusPath('pages/pt-shs-2023.html')),
    );
    expect(getCell(report, 'activeDisclosure.regulations.issued')).toBeUndefined();
    expect(diagnostics.map((d) => d.ruleId)).toContain('EXTRACT-ROW-MISSING');
    const label = provenance.labels!.find((l) => l.path === 'activeDisclosure.normativeDocuments');
    expect(label).toMatchObject({ raw: '规范性文件', canonical: '行政规范性文件' });
    expect(provenance.tableHeaders?.applications).toContain('钩稽');
    expect(provenance.cells['activeDisclosure.fees.amount']?.header).toBe(
      '本年收费金额（单位：万元）',
    );
  });

  it('pt-gaj-2020: the report is an attachment: "no table found", never zeros', async () => {
    const values = JSON.parse(readCorpus('pages/pt-gaj-2020.values.json')) as CorpusValues;
    const { report, diagnostics, found } = await extract(
      readFileSync(corpusPath('pages/pt-gaj-2020.html')),
    );
    // No readable report on the page (only its title): found is false, so nobody runs check on it.
    expect(found).toBe(false);
    expect(report.applications).toBeUndefined();
    expect(report.appeals).toBeUndefined();
    expect(report.activeDisclosure).toBeUndefined();
    const noTables = diagnostics.find((d) => d.ruleId === 'EXTRACT-NO-TABLES');
    expect(noTables?.origin).toBe('extraction');
    expect(noTables?.message).toContain('.doc');
    expect(report.meta).toMatchObject({
      reportYear: values.reportYear,
      agencyName: values.agencyName,
      publishedAt: values.publishedAt,
    });
  });

  it('sh-gov-office-2019: blank cells stay null, the raw text kept', async () => {
    const { report, provenance } = await extract(
      readFileSync(corpusPath('pages/sh-gov-office-2019.fragment.html')),
    );
    expect(getCell(report, 'applications.results.granted.total')).toBeNull();
    expect(provenance.cells['applications.results.granted.total']?.raw).toBe('');
    expect(getCell(report, 'applications.results.total.total')).toBe(805);
    expect(report.meta.publishedAtSource).toBe('page');
  });

  it('reads the page through an explicit input kind and a URL (date from the page wins over the URL)', async () => {
    const html = readCorpus('pages/sh-gov-office-2019.fragment.html');
    const url = 'https://www.shanghai.gov.cn/nw12344/20200131/abc.html';
    const { report } = await extract({ kind: 'html', html }, { url });
    expect(report.meta.sourceUrl).toBe(url);
    expect(report.meta.publishedAt).toBe('2020-01-31');
  });
});
