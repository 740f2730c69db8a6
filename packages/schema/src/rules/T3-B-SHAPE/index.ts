import type { Rule } from '../../core/types.ts';
import { checkShape, SHAPE_MESSAGES } from '../../tables/shape.ts';

/** (2021 format) Table 3 has 25 data rows × 7 columns ((6) other handling split into 3 rows): 175 numeric cells */
const rule: Rule = {
  meta: {
    id: 'T3-B-SHAPE',
    severity: 'error',
    formats: ['2021'],
    tags: ['format-conformance', 'shape', 'applications'],
    docs: {
      zh: '（2021年格式）表三有25个数据行×7列（（六）其他处理分为3行），共175个数字单元格',
      en: '(2021 format) Table 3 has 25 data rows × 7 columns ((6) other handling split into 3 rows): 175 numeric cells',
    },
    basis:
      '国办公开办函〔2021〕30号附件格式表三；S13、S14、S15；S33 的解析器按175个数字读取（spec §3.4、§6.1）',
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
