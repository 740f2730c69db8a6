import { check, FORMATS } from '@nianbao/schema';
import { describe, expect, it } from 'vitest';
import { reportWith, UNBALANCED } from '../test/fixtures.ts';
import { flaggedCells, renderOfficialTables } from './official-tables.ts';

const count = (html: string, re: RegExp) => [...html.matchAll(re)].length;

describe('renderOfficialTables', () => {
  it('draws every numeric cell of both formats exactly once', () => {
    for (const format of ['2019', '2021'] as const) {
      const report = reportWith(format, {});
      const html = renderOfficialTables(report, [], 'zh-CN');
      const t = FORMATS[format];
      const expected =
        t.activeDisclosure.cellCount + t.applications.cellCount + t.appeals.cellCount;
      expect(count(html, /<td [^>]*data-cell=/g)).toBe(expected);
      expect(html).not.toContain('data-flag');
    }
  });

  it('uses the merged header cells of the official layout', () => {
    const html2019 = renderOfficialTables(reportWith('2019', {}), [], 'zh-CN');
    expect(html2019).toContain('<th class="nb-row" rowspan="20">三、本年度办理结果</th>');
    expect(html2019).toContain('<th class="nb-row" rowspan="8">（三）不予公开</th>');
    expect(html2019).toMatch(/colspan="3" rowspan="3">（本列数据的勾稽关系为/);
    expect(html2019).toContain('<th colspan="10">行政诉讼</th>');
    const html2021 = renderOfficialTables(reportWith('2021', {}), [], 'zh-CN');
    expect(html2021).toContain('<th class="nb-row" rowspan="22">三、本年度办理结果</th>');
    expect(html2021).toContain('<th class="nb-row" rowspan="3">（六）其他处理</th>');
    expect(html2021).toContain('本年收费金额（单位：万元）');
  });

  it('marks exactly the cells the findings name, with messages and the fix', () => {
    const report = reportWith('2019', UNBALANCED);
    const findings = check(report);
    expect(findings.length).toBeGreaterThan(0);
    const html = renderOfficialTables(report, findings, 'zh-CN');
    const named = flaggedCells(report, findings);
    expect(named.size).toBeGreaterThan(0);
    expect(count(html, /data-flag="/g)).toBe(named.size);
    for (const path of named.keys()) expect(html).toContain(`data-cell="${path}" data-flag=`);
    const onCells = findings.filter((f) => f.cells.some((c) => named.has(c)));
    expect(onCells.length).toBeGreaterThan(0);
    for (const f of onCells) expect(html).toContain(`[${f.ruleId}]`);
    const withFix = findings.find((f) => f.fix);
    if (withFix) expect(html).toContain(`→ ${withFix.fix!.value}`);
  });

  it('says a table was not found instead of drawing zeros', () => {
    const report = reportWith('2021', {});
    delete report.applications;
    const html = renderOfficialTables(report, [], 'zh-CN');
    expect(html).toContain('未找到表三');
    expect(html).not.toContain('nb-t3');
    expect(renderOfficialTables(report, [], 'en')).toContain('table 三 not found');
  });

  it('keeps blank cells blank and escapes text', () => {
    const report = reportWith('2019', { 'appeals.review.total': null });
    const html = renderOfficialTables(report, [], 'en', { includeStyle: false, idPrefix: 'x' });
    expect(html).toMatch(/class="nb-cell nb-blank" data-cell="appeals\.review\.total"><\/td>/);
    expect(html.startsWith('<div')).toBe(true);
    expect(html).toContain('id="x-t3"');
    expect(html).toContain('Administrative litigation');
  });
});
