import { isBlankRaw } from '../../core/raw.ts';
import type { Rule } from '../../core/types.ts';

/** The 总计 column of table 三 left blank on rows whose applicant cells hold numbers. */
const rule: Rule = {
  meta: {
    id: 'T3-TOTAL-BLANK',
    severity: 'warning',
    formats: ['2019', '2021'],
    tags: ['cells', 'applications'],
    docs: {
      zh: '表三某数据行申请人各列有数，但「总计」列空白',
      en: 'A data row of table 3 has applicant numbers but a blank "Total" cell',
    },
    basis:
      'S11（上海市人民政府办公厅 2019 年报）在全部办理结果行留空「总计」列；spec §6.3 T3-TOTAL-BLANK',
    messages: {
      default: {
        zh: '表三「总计」列在{count}行空白，而这些行的申请人各列有数：{rows}',
        en: 'The "Total" column of table 3 is blank on {count} rows whose applicant cells hold numbers: {rows}',
      },
    },
  },
  check(ctx) {
    const table = ctx.template.applications;
    const totalKey = table.columns.at(-1)!.key;
    const blank = (path: string) => {
      const value = ctx.cell(path);
      return value === null || (value !== undefined && isBlankRaw(ctx.raw(path)?.raw));
    };
    const rows: string[] = [];
    const cells: string[] = [];
    for (const row of table.rows) {
      const total = `${row.path}.${totalKey}`;
      if (ctx.cell(total) === undefined || !blank(total)) continue;
      const applicants = row.cells.filter((p) => p !== total);
      if (applicants.every((p) => ctx.cell(p) === undefined || blank(p))) continue;
      cells.push(total);
      rows.push(ctx.label(row.path));
    }
    if (cells.length === 0) return;
    ctx.flag({
      cells,
      params: { count: cells.length, rows: rows.join(ctx.locale === 'en' ? '; ' : '；') },
    });
  },
};

export default rule;
