import type { Rule } from '../../core/types.ts';
import { checkLabels } from '../../tables/labels.ts';

/** Every caption, row and column label of table 2 equals the official one after normalisation. */
const rule: Rule = {
  meta: {
    id: 'T2-LABELS',
    severity: 'warning',
    formats: ['2019', '2021'],
    tags: ['format-conformance', 'labels', 'activeDisclosure'],
    docs: {
      zh: '表二的标题行、行标签、列标签在规范化（全半角、空格、繁简、序号写法、地方注释）后与统一格式一致',
      en: 'Captions, row and column labels of table 2 equal the official ones after normalisation (width, spaces, script, ordinals, local notes)',
    },
    basis: '统一格式的表格标签（spec §2.3、§3.3、§6.1 T*-LABELS、§9.3）',
    messages: {
      default: {
        zh: '表二标签「{found}」与统一格式「{label}」不同',
        en: 'Table 2 label "{found}" differs from the official "{label}"',
      },
    },
  },
  applies: (ctx) => ctx.provenance !== undefined,
  check: (ctx) => checkLabels(ctx, 'activeDisclosure'),
};

export default rule;
