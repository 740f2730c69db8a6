import type { Rule } from '../../core/types.ts';
import { checkShape, SHAPE_MESSAGES } from '../../tables/shape.ts';

/** Table 4 has exactly 15 numeric cells: review, direct lawsuits and lawsuits after review, 5 each (upheld, corrected, other, pending, total) */
const rule: Rule = {
  meta: {
    id: 'T4-SHAPE',
    severity: 'error',
    formats: ['2019', '2021'],
    tags: ['format-conformance', 'shape', 'appeals'],
    docs: {
      zh: '表四恰有15个数字单元格：行政复议、未经复议直接起诉、复议后起诉各5个（结果维持、结果纠正、其他结果、尚未审结、总计）',
      en: 'Table 4 has exactly 15 numeric cells: review, direct lawsuits and lawsuits after review, 5 each (upheld, corrected, other, pending, total)',
    },
    basis: '两种格式的表四相同（spec §2.5、§3.5、§6.1；seed 第4项：一行16个数字）',
    messages: {
      default: {
        zh: '未找到表四（政府信息公开行政复议、行政诉讼情况），或无法按统一格式（{count}个数字单元格）读取',
        en: 'Could not find table 4 (reviews and lawsuits), or could not read it in the official layout ({count} numeric cells)',
      },
      ...SHAPE_MESSAGES,
    },
  },
  check: (ctx) => checkShape(ctx, 'appeals'),
};

export default rule;
