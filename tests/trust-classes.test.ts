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
