import type { Rule } from '../../core/types.ts';

/** Each column of table 三: （七）总计 = the sum of the result rows （一）…（六）. */
const rule: Rule = {
  meta: {
    id: 'T3-RESULTS-SUM',
    // Spec §6.3 lists E; §11.4 marks it [I] (not printed as a formula): stays a warning.
    severity: 'warning',
    inferred: true,
    formats: ['2019', '2021'],
    tags: ['arithmetic', 'applications'],
    docs: {
      zh: '表三每一列：（七）总计 = （一）至（六）各办理结果数据行之和',
      en: 'Each column of table 3: (7) total = the sum of the result rows (1) to (6)',
    },
    basis:
      '表三「三、本年度办理结果」下的「（七）总计」；“（区分处理的，只计这一情形，不计其他情形）”表明每件申请只计一种结果（spec §6.3，§11.4 [I]）',
    messages: {
      default: {
        zh: '「{column}」列：各项办理结果之和为{expected}，「（七）总计」为{actual}',
        en: 'Column "{column}": the results add up to {expected}, but "(7) Total" is {actual}',
      },
    },
  },
  check(ctx) {
    const table = ctx.template.applications;
    const totalRow = 'applications.results.total';
    const resultRows = table.rows.filter(
      (r) => r.path.startsWith('applications.results.') && r.path !== totalRow,
    );
    for (const column of table.columns) {
      ctx.equation({
        sum: resultRows.map((r) => `${r.path}.${column.key}`),
        equals: [`${totalRow}.${column.key}`],
        params: { column: ctx.locale === 'en' ? column.label.en : column.label.zh },
      });
    }
  },
};

export default rule;
