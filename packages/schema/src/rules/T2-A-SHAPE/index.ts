import type { Rule } from '../../core/types.ts';
import { checkShape, SHAPE_MESSAGES } from '../../tables/shape.ts';

/** (2019 format) Table 2 has the five sub-tables of Art. 20 items (1), (5), (6), (8), (9) with all rows and columns: 22 numeric cells */
const rule: Rule = {
  meta: {
    id: 'T2-A-SHAPE',
    severity: 'error',
    formats: ['2019'],
    tags: ['format-conformance', 'shape', 'activeDisclosure'],
    docs: {
      zh: '（2019年格式）表二含第二十条第（一）（五）（六）（八）（九）项五个子表及其全部行列，共22个数字单元格',
      en: '(2019 format) Table 2 has the five sub-tables of Art. 20 items (1), (5), (6), (8), (9) with all rows and columns: 22 numeric cells',
    },
    basis:
      '国办公开办函〔2019〕60号附件格式（试行）表二；S8 空白模板、S9、S10、S11（spec §2.3、§6.1）',
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
