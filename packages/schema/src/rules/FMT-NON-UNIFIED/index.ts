import type { Rule } from '../../core/types.ts';

/** A report without any of the tables 二, 三, 四 does not follow the unified format. */
const rule: Rule = {
  meta: {
    id: 'FMT-NON-UNIFIED',
    severity: 'error',
    formats: ['2019', '2021'],
    tags: ['format-conformance'],
    docs: {
      zh: '报告没有表二、表三、表四中的任何一张：未按统一格式编制（或表格以图片、附件发布）',
      en: 'The report has none of tables 2, 3 and 4: it does not follow the unified format (or the tables are images or attachments)',
    },
    basis: '条例第五十条末款：统一格式；S25、S26 为自由格式的例子（spec §6.1、§7 第4项）',
    messages: {
      default: {
        zh: '未找到表二、表三、表四中的任何一张：报告未按统一格式编制，或表格以图片、附件等形式发布',
        en: 'None of tables 2, 3 and 4 was found: the report does not follow the unified format, or its tables are images or attachments',
      },
    },
  },
  check(ctx) {
    const { activeDisclosure, applications, appeals } = ctx.report;
    if (activeDisclosure || applications || appeals) return;
    ctx.flag({ cells: ['activeDisclosure', 'applications', 'appeals'] });
  },
};

export default rule;
