import type { Rule } from '../../core/types.ts';
import { checkShape, SHAPE_MESSAGES } from '../../tables/shape.ts';

/** (2019 format) Table 3 has 23 data rows × 7 columns: 161 numeric cells */
const rule: Rule = {
  meta: {
    id: 'T3-A-SHAPE',
    severity: 'error',
    formats: ['2019'],
    tags: ['format-conformance', 'shape', 'applications'],
    docs: {
      zh: '（2019年格式）表三有23个数据行×7列，共161个数字单元格',
      en: '(2019 format) Table 3 has 23 data rows × 7 columns: 161 numeric cells',
    },
    basis: '国办公开办函〔2019〕60号附件格式（试行）表三；S8、S11（spec §2.4、§6.1）',
    messages: {
      default: {
        zh: '未找到表三（收到和处理政府信息公开申请情况），或无法按统一格式（{count}个数字单元格）读取',
        en: 'Could not find table 3 (applications), or could not read it in the official layout ({count} numeric cells)',
      },
      ...SHAPE_MESSAGES,
    },
  },
  check: (ctx) => checkShape(ctx, 'applications'),
};

export default rule;
