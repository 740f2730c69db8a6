// Findings a careful reviewer would sign: each class fixture of
// tests/fixtures/classes/ (minimal edits of corpus pages) gives what the page
// states, and no finding the page contradicts.
import { readFileSync } from 'node:fs';
import { checkExtracted, extractAll } from '@nianbao/extract/node';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/classes/${name}`, import.meta.url));

async function read(name: string) {
  const [result] = await extractAll(fixture(name), { name });
  return checkExtracted(result!, { locale: 'zh-CN' });
}

describe('publication date: only publication labels count', () => {
  it('takes 公开日期 of the info table, not the clock, the capture time or 成文日期', async () => {
    const done = await read('date-info-table.html');
    expect(done.report.meta.publishedAt).toBe('2024-01-17');
    expect(done.report.meta.publishedAtSource).toBe('info-table');
    // A government's report published 2024-01-17 for 2023 is on time: no DL-* finding at all.
    expect(done.findings.filter((f) => f.ruleId.startsWith('DL-'))).toEqual([]);
  });

  it('says DL-DATE-MISSING (info) when the only dates are doubtful, never a lateness error', async () => {
    const done = await read('date-doubtful.html');
    expect(done.report.meta.publishedAt).toBeUndefined();
    const dl = done.findings.filter((f) => f.ruleId.startsWith('DL-'));
    expect(dl.map((f) => [f.ruleId, f.severity])).toEqual([['DL-DATE-MISSING', 'info']]);
  });

  it('takes the agency from 发布机构 when the title names none', async () => {
    const page = fixture('date-info-table.html')
      .toString('utf8')
      .replace(/<meta name="ArticleTitle"[^>]*>/, '')
      .replaceAll(
        '平潭综合实验区2023年度政府信息公开工作年度报告',
        '2023年度政府信息公开工作年度报告',
      );
    const [result] = await extractAll(page, {});
    expect(result!.report.meta.agencyName).toBe('平潭综合实验区管委会办公室');
  });
});

// The "Done means", over every corpus document and class fixture.
const DOCUMENTS = [
  ...['pt-gaj-2020', 'pt-shs-2023', 'pt-syq-2019', 'pt-syq-2023'].map((id) => ({
    file: `../corpus/pages/${id}.html`,
    values: `../corpus/pages/${id}.values.json`,
  })),
  {
    file: '../corpus/pages/sh-gov-office-2019.fragment.html',
    values: '../corpus/pages/sh-gov-office-2019.fragment.values.json',
  },
  {
    file: '../corpus/pdf/hongze-gov-2023.pdf',
    values: '../corpus/pdf/hongze-gov-2023.values.json',
  },
  { file: '../corpus/seed/000_42380e1adf95d416.txt' },
  ...['pt-czj-2020', 'pt-syq-2022', 'sy-gov-2025'].map((id) => ({
    file: `../corpus/text/${id}.txt`,
  })),
  { file: './fixtures/classes/date-info-table.html' },
  { file: './fixtures/classes/date-doubtful.html' },
];

describe.each(DOCUMENTS)('$file: findings a reviewer can sign', ({ file, values }) => {
  const load = async () => {
    const name = file.split('/').pop()!;
    const [result] = await extractAll(readFileSync(new URL(file, import.meta.url)), { name });
    return checkExtracted(result!, { locale: 'zh-CN' });
  };

  it('quotes no empty sentence, gives one money finding per cell, at most 5 reading notes', async () => {
    const done = await load();
    const all = [...done.findings, ...done.diagnostics];
    for (const f of all) expect(f.message, f.ruleId).not.toMatch(/“”|""/);
    const money = done.findings.filter((f) => f.ruleId.startsWith('MONEY-'));
    expect(new Set(money.map((f) => f.cells[0])).size).toBe(money.length);
    expect(all.filter((f) => f.origin === 'extraction').length).toBeLessThanOrEqual(5);
  });

  it('gives the publication date the page states, or DL-DATE-MISSING', async () => {
    const done = await load();
    if (!done.found) return expect(done.findings).toEqual([]);
    const stated = values
      ? (
          JSON.parse(readFileSync(new URL(values, import.meta.url), 'utf8')) as {
            publishedAt?: string | null;
          }
        ).publishedAt
      : undefined;
    if (stated) expect(done.report.meta.publishedAt).toBe(stated);
    if (!done.report.meta.publishedAt) {
      const dl = done.findings.filter((f) => f.ruleId.startsWith('DL-'));
      expect(dl.map((f) => [f.ruleId, f.severity])).toEqual([['DL-DATE-MISSING', 'info']]);
    }
  });
});
