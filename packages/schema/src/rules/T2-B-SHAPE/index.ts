import type { Rule } from '../../core/types.ts';
import { checkShape, SHAPE_MESSAGES } from '../../tables/shape.ts';

/** (2021 format) Table 2 has the four sub-tables of Art. 20 items (1), (5), (6), (8) with all rows and columns: 10 numeric cells */
const rule: Rule = {
  meta: {
    id: 'T2-B-SHAPE',
    severity: 'error',
    formats: ['2021'],
    tags: ['format-conformance', 'shape', 'activeDisclosure'],
    docs: {
      zh: '（2021年格式）表二含第二十条第（一）（五）（六）（八）项四个子表及其全部行列，共10个数字单元格',
      en: '(2021 format) Table 2 has the four sub-tables of Art. 20 items (1), (5), (6), (8) with all rows and columns: 10 numeric cells',
    },
    basis: '国办公开办函〔2021〕30号附件格式表二；S3、S13、S14、S15（spec §3.3、§6.1）',
    messages: {
      default: {
        zh: '未找到表二（主动公开政府信息情况），或无法按统一格式（{count}个数字单元格）读取',
        en: 'Could not find table 2 (proactive disclosure), or could not read it in the official layout ({count} numeric cells)',
      },
      ...SHAPE_MESSAGES,
    },
  },
  check: (ctx) => checkShape(ctx, 'activeDisclosure'),
};

export default rule;
