// The real reports of corpus/ (at the repository root), transcribed into report fixtures by
// scripts/corpus-fixtures.ts (tables from the hand-read values.json, checked
// here against the page's own cells; text from the page), and the findings each
// must give. Every expectation was checked against the page itself.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../../tests/corpus.ts';
import { CORPUS_FIXTURES, renderFixture } from '../scripts/corpus-fixtures.ts';
import {
  cellPaths,
  checkDetailed,
  type Finding,
  type Provenance,
  ReportSchema,
} from '../src/index.ts';

function load(id: string) {
  const text = readFileSync(
    new URL(`./fixtures/corpus/${id}.report.json`, import.meta.url),
    'utf8',
  );
  const fixture = JSON.parse(text);
  const report = ReportSchema.parse(fixture.report);
  const provenance = fixture.provenance as Provenance;
  const { findings, passes } = checkDetailed(report, { provenance });
  return { text, report, provenance, findings, passes };
}
const summary = (findings: Finding[]) =>
  findings.map((f) => `${f.severity} ${f.ruleId} ${f.cells[0]}`);
const ids = (findings: Finding[]) => new Set(findings.map((f) => f.ruleId));

describe('corpus fixtures', () => {
  it.each(CORPUS_FIXTURES.map((c) => [c.id, c] as const))(
    '%s is up to date with its source',
    (id, cfg) => {
      // Compared as data: the formatter may lay the committed JSON out differently.
      expect(JSON.parse(load(id).text), 'stale: run scripts/build-corpus-fixtures.ts').toEqual(
        JSON.parse(renderFixture(cfg)),
      );
    },
  );

  // The values.json files were read by hand; the numbers of every page table,
  // in document order, must be the fixture's non-blank cells in table order.
  it.each(CORPUS_FIXTURES.filter((c) => c.file.endsWith('.html')).map((c) => [c.id, c] as const))(
    '%s holds the numbers printed in the page tables',
    (id, cfg) => {
      const html = readCorpus(cfg.file);
      const printed = [...html.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/gi)]
        .map((m) =>
          m[1]!
            .replace(/<[^>]+>/g, '')
            .replace(/&nbsp;/g, '')
            .replace(/\s+/g, ''),
        )
        .filter((t) => /^[-+]?\d+(?:\.\d+)?(?:元|万元)?$/.test(t));
      const { report, provenance } = load(id);
      const fixture = cellPaths(report.format)
        .map((p) => provenance.cells[p]?.raw)
        .filter((raw): raw is string => raw !== undefined && raw !== '');
      expect(fixture).toEqual(printed);
    },
  );
});

/** The 11 result rows of sh-gov-office-2019 whose applicant cells hold numbers under a blank 总计. */
const BLANK_TOTAL_ROWS = [
  'applications.results.granted.total',
  'applications.results.partiallyGranted.total',
  'applications.results.denied.stateSecret.total',
  'applications.results.denied.internalAffairs.total',
  'applications.results.denied.processInformation.total',
  'applications.results.denied.administrativeQuery.total',
  'applications.results.unavailable.notHeld.total',
  'applications.results.unavailable.needsCreation.total',
  'applications.results.unavailable.unclearAfterCorrection.total',
  'applications.results.notProcessed.petition.total',
  'applications.results.notProcessed.duplicate.total',
];

describe('sh-gov-office-2019 (上海市人民政府办公厅, 2019)', () => {
  const { findings, passes } = load('sh-gov-office-2019');

  it('reports the blank 总计 column of table 三 once: one cause, one finding naming its 11 rows', () => {
    // The 总计 column is blank on every result row while （七）总计 says 805: the
    // blank column is the cause; the row totals and the column sum that fail
    // because of it are not reported again, row by row.
    const blank = findings.filter((f) => f.ruleId === 'T3-TOTAL-BLANK');
    expect(blank).toHaveLength(1);
    expect(blank[0]!.cells).toEqual(BLANK_TOTAL_ROWS);
    expect(ids(findings)).not.toContain('T3-ROW-TOTAL');
    expect(ids(findings)).not.toContain('T3-RESULTS-SUM');
    expect(ids(findings)).toContain('CELL-BLANK');
  });

  it('gives exactly these findings', () => {
    expect(summary(findings)).toEqual([
      // The heading of 五 adds 政府信息公开工作 to the official wording.
      'warning S-SECTIONS-PRESENT sections.5',
      // The blank 总计 column, once (not 11 T3-ROW-TOTAL and a T3-RESULTS-SUM besides).
      'warning T3-TOTAL-BLANK applications.results.granted.total',
      'warning CELL-BLANK applications.newReceived.research',
      'warning CELL-BLANK appeals.review.corrected',
      // 政府集中采购 written 251000元 inside the cell.
      'warning CELL-UNIT-IN-CELL activeDisclosure.procurement.amount',
      // Section 一 says 予以公开及部分公开258件; the rows give 272 + 3 = 275
      // (258 is the natural persons of （一）予以公开 alone).
      'warning XT-TEXT-TABLE applications.results.granted.naturalPerson',
    ]);
    const xt = findings.find((f) => f.ruleId === 'XT-TEXT-TABLE')!;
    expect(xt).toMatchObject({ params: { table: 275, value: 258 } });
  });

  it('ties every other number of its text to the tables', () => {
    // 859 received, 805 answered, 18 carried over, 72 carried forward, 35 not
    // disclosed, 265 not held, 158 not processed, 0 other, 7 reviews, 9 suits.
    const matched = passes.filter((p) => p.ruleId === 'XT-TEXT-TABLE').map((p) => p.params?.value);
    expect(matched).toEqual([859, 805, 18, 72, 35, 265, 158, 0, 7, 9]);
  });

  it('is on time: a department of a 2019 report published 2020-01-31', () => {
    expect([...ids(findings)].filter((id) => id.startsWith('DL-'))).toEqual([]);
  });
});

describe('pt-syq-2023 (平潭综合实验区, 2023, 2021 format)', () => {
  const { findings, passes } = load('pt-syq-2023');

  it('is clean in table arithmetic', () => {
    expect([...ids(findings)].filter((id) => /^(T2|T3|T4)-/.test(id))).toEqual([]);
    expect(passes.filter((p) => p.ruleId.startsWith('T3-')).length).toBeGreaterThan(30);
  });

  it('gives exactly these findings', () => {
    expect(summary(findings)).toEqual([
      // A government report: 考核 and 问责 are there, 社会评议 is not.
      'warning S-GOV-ACCOUNTABILITY sections.1',
      // 五 numbers its problems 一是、三是、三是.
      'warning S-SUBHEADING-SEQUENCE sections.5',
      // 5949.088667 万元: six decimals where the header sets no rule (0–4 accepted).
      'warning MONEY-HDR-DECIMALS activeDisclosure.fees.amount',
      // 六 reports only the fee (无收取信息处理费情况), an [I] hint.
      'info S-SEC6-OTHER sections.6',
    ]);
    expect(findings[1]!.message).toContain('“一是”跳到“三是”');
  });

  it('matches every number of section 一 with tables 三 and 四', () => {
    const matched = passes.filter((p) => p.ruleId === 'XT-TEXT-TABLE').map((p) => p.params?.value);
    // 81 received, 80 natural persons, 1 business, 81 handled, 42 (予以公开及部分公开
    // 22 + 20), 5 not disclosed, 31 unavailable, 1 not processed, 2 other,
    // 2 reviews, 7 lawsuits (5 + 2).
    expect(matched).toEqual([81, 80, 1, 81, 42, 5, 31, 1, 2, 2, 7]);
  });
});

describe('pt-shs-2023 (平潭综合实验区社会事业局, 2023)', () => {
  const { findings } = load('pt-shs-2023');

  it('gives exactly these findings', () => {
    expect(summary(findings)).toEqual([
      // Table 二 has no 规章 row.
      'error T2-B-SHAPE activeDisclosure.regulations',
      // Heading 四 reads 行政法复议.
      'warning S-SECTIONS-PRESENT sections.4',
      // The row is labelled 规范性文件 (the 2019 label), not 行政规范性文件.
      'warning T2-LABELS activeDisclosure.normativeDocuments',
      'info S-SEC6-OTHER sections.6',
      // The 勾稽 statement is spelled 钩稽.
      'info T3-KOUJI-HEADER applications',
    ]);
  });
});

describe('pt-syq-2019 (平潭综合实验区, 2019)', () => {
  const { report, findings } = load('pt-syq-2019');

  it('reads 75394432.52元 as a number and reports the unit in the cell', () => {
    expect(report.format === '2019' && report.activeDisclosure?.procurement?.amount).toBe(
      75394432.52,
    );
    const unit = findings.find((f) => f.ruleId === 'CELL-UNIT-IN-CELL')!;
    expect(unit.cells[0]).toBe('activeDisclosure.procurement.amount');
    expect(unit.message).toContain('元');
  });

  it('gives exactly these findings', () => {
    expect(summary(findings)).toEqual([
      // A government report without 社会评议 or 责任追究.
      'warning S-GOV-ACCOUNTABILITY sections.1',
      // Section 一 is about 主动公开 only: no word of 依申请公开 (nor 政府信息管理).
      'warning S-OVERALL-ASPECTS sections.1',
      'warning CELL-UNIT-IN-CELL activeDisclosure.procurement.amount',
    ]);
  });
});

describe('pt-gaj-2020 (平潭综合实验区公安局, 2020): the report is an attachment', () => {
  const { findings } = load('pt-gaj-2020');

  it('says no table was found, and blames no zero on the report', () => {
    // (The extractor reports found: false here, and the surfaces do not run check;
    // run anyway, check says "not found", never "all zeros".)
    expect(summary(findings)).toEqual(['error FMT-NON-UNIFIED activeDisclosure']);
  });
});

describe('sy-gov-2025 (沭阳县人民政府, 2025, from a PDF converted to markdown)', () => {
  const { findings, passes } = load('sy-gov-2025');

  it('ties every number of its text to the tables', () => {
    const matched = passes.filter((p) => p.ruleId === 'XT-TEXT-TABLE');
    // 749 = 713 + 36 applications; 741 = 705 + 36 natural persons; 8 organisations;
    // 718 handled; 31 carried forward; 74 cases = 61 reviews + 3 + 10 lawsuits.
    expect(matched.map((p) => p.params?.value)).toEqual([749, 741, 8, 718, 31, 74]);
    expect(matched.at(-1)!.cells).toEqual([
      'appeals.review.total',
      'appeals.litigationDirect.total',
      'appeals.litigationAfterReview.total',
    ]);
    expect(ids(findings)).not.toContain('XT-TEXT-TABLE');
  });

  it('gives exactly these findings', () => {
    expect(summary(findings)).toEqual([
      // A county government: 考核 is reported, 社会评议 and 责任追究 are not.
      'warning S-GOV-ACCOUNTABILITY sections.1',
      // 五、政府信息公开工作存在的主要问题及改进情况: wording differs from the format.
      'warning S-SECTIONS-PRESENT sections.5',
      'info S-SEC6-OTHER sections.6',
    ]);
  });
});

describe("pt-czj-2020 (平潭综合实验区财政金融局, 2020, a crawler's one-line text)", () => {
  const { report, findings } = load('pt-czj-2020');

  it('gives these findings', () => {
    // Section 一 covers 预决算、采购、热点 disclosure, its forms, 依申请公开 channels and
    // 考核, but says nothing of managing government information.
    expect(summary(findings.filter((f) => f.ruleId !== 'CELL-UNIT-IN-CELL'))).toEqual([
      'warning S-OVERALL-ASPECTS sections.1',
    ]);
    // 政府集中采购 is written 984361元 (and 2笔) inside the cells.
    const units = findings.filter((f) => f.ruleId === 'CELL-UNIT-IN-CELL').map((f) => f.cells[0]);
    expect(units.sort()).toEqual([
      'activeDisclosure.procurement.amount',
      'activeDisclosure.procurement.projects',
    ]);
    expect(report.format === '2019' && report.activeDisclosure?.procurement).toEqual({
      projects: 2,
      amount: 984361,
    });
  });

  it('is on time and well numbered', () => {
    // A department's 2020 report published 2021-01-28; 一是…1.…5.…二是…四是…（一）…（三）1.2. in order.
    expect(
      [...ids(findings)].filter((id) => id.startsWith('DL-') || id.startsWith('S-SUB')),
    ).toEqual([]);
  });
});

describe('pt-syq-2022 (平潭综合实验区, 2022, cell separators lost) and the year after', () => {
  const y2022 = load('pt-syq-2022');
  const y2023 = load('pt-syq-2023');

  it('reads its table 三 the only way that adds up, which its own text confirms', () => {
    // 713000074 → 71, 3, …, 74: the text of section 一 states 75 applications
    // (74 new + 1 carried over), 72 natural persons, 3 organisations, …
    const matched = y2022.passes.filter((p) => p.ruleId === 'XT-TEXT-TABLE');
    expect(matched.map((p) => p.params?.value)).toEqual([75, 72, 3, 1, 2]);
    expect([...ids(y2022.findings)].filter((id) => /^(T3|T4|XT)-/.test(id))).toEqual([]);
  });

  it('gives exactly these findings', () => {
    expect(summary(y2022.findings)).toEqual([
      // Heading 四 reads 行政法复议, as in pt-shs-2023.
      'warning S-SECTIONS-PRESENT sections.4',
      'info S-SEC6-OTHER sections.6',
    ]);
  });

  it('carries over into 2023, but its normative documents in force do not follow', () => {
    const { findings } = checkDetailed(y2023.report, {
      provenance: y2023.provenance,
      previous: y2022.report,
    });
    const crossYear = findings.filter((f) => f.ruleId.startsWith('XY-'));
    // 2022 carried 0 forward and 2023 carried 0 over (XY-T3-CARRY holds); no case
    // was pending (XY-T4-PENDING); the texts differ (XY-DUPLICATE-TEXT). But 698 in
    // force in 2022 + 77 issued − 132 repealed = 643, while 2023 reports 470.
    expect(summary(crossYear)).toEqual([
      'warning XY-T2-B-VALID activeDisclosure.normativeDocuments.valid',
    ]);
    expect(crossYear[0]).toMatchObject({ expected: 643, actual: 470 });
  });
});
