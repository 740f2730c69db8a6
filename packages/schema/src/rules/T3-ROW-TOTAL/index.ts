import type { Rule } from '../../core/types.ts';

/** Each data row of table 三: 总计 = the six applicant columns. */
const rule: Rule = {
  meta: {
    id: 'T3-ROW-TOTAL',
    // Spec §6.3 lists E, but marks the basis [I] (§11.4): inferred rules stay warnings.
    severity: 'warning',
    inferred: true,
    formats: ['2019', '2021'],
    tags: ['arithmetic', 'applications'],
    docs: {
      zh: '表三每一数据行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
      en: 'Each data row of table 3: total = natural persons + the five organisation columns',
    },
    basis: '表三「总计」列涵盖全部申请人类型（spec §6.3，[I]；S11、S13 数据均满足）',
    messages: {
      default: {
        zh: '{row}：各申请人列之和为{expected}，「总计」列为{actual}',
        en: '{row}: the applicant columns add up to {expected}, but "Total" is {actual}',
      },
    },
  },
  check(ctx) {
    const table = ctx.template.applications;
    const totalKey = table.columns.at(-1)!.key;
    for (const row of table.rows) {
      const parts = row.cells.filter((p) => !p.endsWith(`.${totalKey}`));
      ctx.equation({
        sum: parts,
        equals: [`${row.path}.${totalKey}`],
        params: { row: ctx.label(row.path) },
      });
    }
  },
};

export default rule;
