/**
 * The seed and the texts of corpus/text: read right, or reported as
 * unreadable with origin "extraction" — never a wrong number blamed on the report.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { check, getCell, ReportSchema } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../tests/corpus.ts';
import { extractFromText } from '../src/index.ts';
import { extract, extractAll } from '../src/node.ts';
import { type CorpusValues, expectedCells } from './expectations.ts';

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`./fixtures/${name}.values.json`, import.meta.url)), 'utf8'),
  ) as CorpusValues & { _source: string };

const TEXTS: [string, string][] = [
  ['seed', 'seed/000_42380e1adf95d416.txt'],
  ['pt-czj-2020', 'text/pt-czj-2020.txt'],
  ['pt-syq-2022', 'text/pt-syq-2022.txt'],
  ['sy-gov-2025', 'text/sy-gov-2025.txt'],
];

const ARITHMETIC = [
  'T3-COL-BALANCE',
  'T3-ROW-TOTAL',
  'T3-RESULTS-SUM',
  'T4-REV-TOTAL',
  'T4-LITD-TOTAL',
  'T4-LITR-TOTAL',
];

describe.each(TEXTS)('text %s', (name, file) => {
  const values = fixture(name);
  const text = readCorpus(file);

  it('reads meta data and every readable cell', async () => {
    const { report, provenance, found } = await extract(text);
    expect(found).toBe(true);
    expect(report.format).toBe(values.format);
    // Built by construction: the schema must accept it exactly as it is.
    expect(ReportSchema.parse(report)).toEqual(report);
    expect(report.meta.reportYear).toBe(values.reportYear);
    expect(report.meta.agencyName).toBe(values.agencyName);
    if (values.publishedAt) expect(report.meta.publishedAt).toBe(values.publishedAt);
    for (const cell of expectedCells(values)) {
      expect(getCell(report, cell.path), cell.path).toBe(cell.value);
      const location = provenance.cells[cell.path]?.location;
      expect(location?.line, cell.path).toBeGreaterThanOrEqual(1);
      expect(location?.lineColumn, cell.path).toBeGreaterThanOrEqual(1);
      if (cell.raw) expect(provenance.cells[cell.path]?.raw).toBe(cell.raw);
    }
  });

  it('blames no arithmetic defect on the report (the texts balance once read right)', async () => {
    const { report, provenance } = await extract(text);
    const findings = check(report, { provenance }).filter((f) => ARITHMETIC.includes(f.ruleId));
    expect(findings).toEqual([]);
  });

  it('reads the same through the environment-agnostic core', async () => {
    const viaNode = await extract(text);
    expect(extractFromText(text).report).toEqual(viaNode.report);
  });
});

describe('the seed report (嵩县公安局 2020)', () => {
  const text = readCorpus('seed/000_42380e1adf95d416.txt');

  it('keeps the stray 二、下步打算 inside 五 as a second 二, in order', () => {
    const { report } = extractFromText(text);
    expect(report.sections.map((s) => s.ordinal)).toEqual([
      '一',
      '二',
      '三',
      '四',
      '五',
      '二',
      '六',
    ]);
    expect(report.sections[5]!.heading).toBe('二、下步打算');
    expect(report.sections[5]!.text).toContain('针对以上存在的问题');
    expect(report.sections[0]!.text).toContain('（六）政府信息公开监督保障及教育培训工作');
    // Tables are not section text (as for a DOM); prose after a table stays.
    expect(report.sections.slice(1, 4).map((x) => x.text)).toEqual(['', '', '']);
    const withProse = text.replace(
      '\n\n五、存在的主要问题',
      '\n本年度未发生行政复议、行政诉讼。\n\n五、存在的主要问题',
    );
    expect(extractFromText(withProse).report.sections[3]!.text).toBe(
      '本年度未发生行政复议、行政诉讼。',
    );
    const findings = check(report).map((f) => f.ruleId);
    expect(findings).toContain('S-HEADING-ORDINAL-UNIQUE');
  });

  it('finds the extraction defect: table 四 has 16 numbers for 15 cells, every balancing reading agrees', () => {
    const { diagnostics, report } = extractFromText(text);
    const t4 = diagnostics.find((d) => d.ruleId === 'T4-SHAPE');
    expect(t4).toMatchObject({ origin: 'extraction', severity: 'error' });
    expect(t4!.params).toMatchObject({ actual: 16, count: 16 });
    expect(t4!.message).toContain('16');
    expect(t4!.message).toContain('确定');
    expect(report.appeals?.review?.total).toBe(0);
    const en = extractFromText(text, { locale: 'en' }).diagnostics.find(
      (d) => d.ruleId === 'T4-SHAPE',
    );
    expect(en!.message).toMatch(/16 were read.*certain/);
  });

  it('keeps the money header with its decimal rule for MONEY-HDR-DECIMALS', () => {
    const { provenance } = extractFromText(text);
    expect(provenance.cells['activeDisclosure.procurement.amount']).toMatchObject({
      raw: '1511',
      header: '采购总金额(单位:万元,保留4位小数)',
    });
    expect(provenance.tableHeaders?.applications).toBe(
      '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)',
    );
  });

  it('gives text locations: line and column of each cell', () => {
    const { provenance } = extractFromText(text);
    const lines = text.split('\n');
    const loc = provenance.cells['activeDisclosure.licensing.decisions']!.location!;
    expect(lines[loc.line! - 1]!.slice(loc.lineColumn! - 1)).toMatch(/^14674/);
  });
});

describe('pt-syq-2022: separators lost', () => {
  const text = readCorpus('text/pt-syq-2022.txt');

  it('reads a row only where exactly one split satisfies its equations, and says so', () => {
    const { diagnostics } = extractFromText(text);
    const inferred = diagnostics.filter((d) => d.ruleId === 'EXTRACT-SPLIT-INFERRED');
    // Reading notes do not bury findings: one note per table, listing its rows and cells.
    expect(inferred.length).toBeLessThanOrEqual(3);
    expect(inferred.every((d) => d.origin === 'extraction' && d.severity === 'info')).toBe(true);
    const t3 = inferred.find((d) => d.cells[0]?.startsWith('applications.'))!;
    expect(Number(t3.params?.count)).toBeGreaterThan(15);
    expect(t3.cells.length).toBe(Number(t3.params?.count) * 7);
    // 713000074 (一、本年新收) was read as the one split that balances: 71, 3, 0, 0, 0, 0, 74.
    const { report } = extractFromText(text);
    expect(report.applications?.newReceived).toEqual({
      naturalPerson: 71,
      commercial: 3,
      research: 0,
      publicInterest: 0,
      legalService: 0,
      otherOrg: 0,
      total: 74,
    });
  });

  it('says the 行政规范性文件 row cannot be read (8855698 has many splits) instead of guessing', () => {
    const { report, diagnostics, provenance } = extractFromText(text);
    expect(getCell(report, 'activeDisclosure.normativeDocuments.issued')).toBeUndefined();
    expect(provenance.unread).toEqual([
      'activeDisclosure.normativeDocuments.issued',
      'activeDisclosure.normativeDocuments.repealed',
      'activeDisclosure.normativeDocuments.valid',
    ]);
    // The report is not blamed for the row we could not read.
    const blamed = check(report, { provenance }).filter(
      (f) =>
        f.origin === 'report' &&
        f.cells.some((c) => c.startsWith('activeDisclosure.normativeDocuments')),
    );
    expect(blamed).toEqual([]);
    const ambiguous = diagnostics.find((d) => d.ruleId === 'EXTRACT-SPLIT-AMBIGUOUS');
    expect(ambiguous).toMatchObject({
      origin: 'extraction',
      cells: [
        'activeDisclosure.normativeDocuments.issued',
        'activeDisclosure.normativeDocuments.repealed',
        'activeDisclosure.normativeDocuments.valid',
      ],
    });
    expect(ambiguous!.message).toContain('8855698');
  });

  it('does not blame the report for a defect the split would have invented', () => {
    // The same text with one total changed: no split of that row balances, so the row is unreadable, not wrong.
    const broken = text.replace('723000075', '723000076');
    const { report, diagnostics } = extractFromText(broken);
    expect(getCell(report, 'applications.results.total.total')).toBeUndefined();
    const unread = diagnostics.find(
      (d) => d.ruleId === 'EXTRACT-SPLIT-AMBIGUOUS' && d.params?.raw === '723000076',
    );
    expect(unread).toMatchObject({
      origin: 'extraction',
      cells: expect.arrayContaining(['applications.results.total.total']),
    });
    const blamed = check(report).filter(
      (f) => f.origin === 'report' && f.cells.includes('applications.results.total.total'),
    );
    expect(blamed.filter((f) => ARITHMETIC.includes(f.ruleId))).toEqual([]);
  });
});

describe('several reports in one text', () => {
  it('gives one result per report', async () => {
    const text = `${readCorpus('seed/000_42380e1adf95d416.txt')}\n\n${readCorpus('text/pt-czj-2020.txt')}`;
    const results = await extractAll({ kind: 'text', text });
    expect(results.map((r) => r.report.meta.agencyName)).toEqual([
      '嵩县公安局',
      '平潭综合实验区财政金融局',
    ]);
    expect(results.map((r) => r.report.sections.length)).toEqual([7, 6]);
    expect(results[1]!.report.activeDisclosure).toMatchObject({
      procurement: { projects: 2, amount: 984361 },
    });
  });
});

describe('a text with only a title', () => {
  it('is found: false with "no table found", never zeros', () => {
    const r = extractFromText(
      '平潭综合实验区公安局2020年政府信息公开工作年度报告\n附件：年度报告.doc',
    );
    expect(r.found).toBe(false);
    expect(r.report.meta).toMatchObject({ reportYear: 2020, agencyName: '平潭综合实验区公安局' });
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['EXTRACT-NO-TABLES']);
    expect(r.report.applications).toBeUndefined();
  });
});

describe('report JSON', () => {
  it('is taken as it is (a report saved by the form or the API)', async () => {
    const { report } = extractFromText(readCorpus('seed/000_42380e1adf95d416.txt'));
    const again = await extract(JSON.stringify(report));
    expect(again.found).toBe(true);
    expect(again.report).toEqual(report);
  });
});

describe('sy-gov-2025: markdown from a PDF with wrong column headers', () => {
  it('records labels and headers without the markdown around them', () => {
    const { provenance } = extractFromText(readCorpus('text/sy-gov-2025.txt'));
    const raws = provenance.labels!.map((l) => l.raw);
    expect(raws.some((r) => /[|\n]/.test(r))).toBe(false);
    expect(provenance.cells['activeDisclosure.fees.amount']?.header).toBe(
      '本年收费金额（单位：万元）',
    );
  });

  it('maps values by order and keeps the report balanced', () => {
    const { report, diagnostics } = extractFromText(readCorpus('text/sy-gov-2025.txt'));
    expect(getCell(report, 'applications.results.other.unpaidFee.naturalPerson')).toBe(7);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});

describe('the unofficial 法人或其他组织小计 column in text', () => {
  it('is mapped away when it is the sum of the five organisation columns', () => {
    const seed = readCorpus('seed/000_42380e1adf95d416.txt');
    const [head, rest] = seed.split('三、收到和处理政府信息公开申请情况');
    const [t3, tail] = rest!.split('四、政府信息公开行政复议、行政诉讼情况');
    // Every table 三 row gets an 8th number after 其他; the header says 小计.
    const rows = t3!
      .replace('\t其他\t', '\t其他\t法人或其他组织小计\t')
      .replace(/\t0\t0\t0\t0\t0\t0\t0/g, '\t0\t0\t0\t0\t0\t0\t0\t0')
      .replace(
        '一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t0',
        '一、本年新收政府信息公开申请数量\t\t5\t1\t0\t0\t2\t0\t3\t8',
      );
    const text = `${head}三、收到和处理政府信息公开申请情况${rows}四、政府信息公开行政复议、行政诉讼情况${tail}`;
    const { report, diagnostics } = extractFromText(text);
    expect(report.applications?.newReceived).toEqual({
      naturalPerson: 5,
      commercial: 1,
      research: 0,
      publicInterest: 0,
      legalService: 2,
      otherOrg: 0,
      total: 8,
    });
    expect(getCell(report, 'applications.results.granted.total')).toBe(0);
    expect(diagnostics.find((d) => d.ruleId === 'T3-EXTRA-COLUMN')).toMatchObject({
      severity: 'info',
      origin: 'extraction',
    });
    expect(diagnostics.filter((d) => d.ruleId === 'T3-A-SHAPE')).toEqual([]);
  });
});
