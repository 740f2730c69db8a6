import type { Rule } from '../../core/types.ts';

/** 勾稽: for each column of table 三, 一 + 二 = 三（七）总计 + 四. */
const rule: Rule = {
  meta: {
    id: 'T3-COL-BALANCE',
    severity: 'error',
    formats: ['2019', '2021'],
    tags: ['arithmetic', 'applications'],
    docs: {
      zh: '表三每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理',
      en: 'Each column of table 3: new + carried over = results total + carried forward',
    },
    basis:
      '表三表头：“（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）”（spec §6.3）',
    messages: {
      default: {
        zh: '{column}列勾稽关系不成立：第一项加第二项为{expected}，第三项加第四项为{actual}',
        en: 'Column "{column}" does not balance: items 1 + 2 = {expected}, items 3 + 4 = {actual}',
      },
    },
  },
  check(ctx) {
    for (const column of ctx.template.applications.columns) {
      const at = (row: string) => `applications.${row}.${column.key}`;
      ctx.equation({
        sum: [at('newReceived'), at('carriedOver')],
        equals: [at('results.total'), at('carriedForward')],
        params: { column: ctx.locale === 'en' ? column.label.en : column.label.zh },
      });
    }
  },
};

export default rule;
