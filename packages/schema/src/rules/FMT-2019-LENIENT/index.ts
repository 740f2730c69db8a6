import type { Rule } from '../../core/types.ts';

/**
 * A policy, not a check: for report year 2019 the unified format was only
 * encouraged, so findings of the rules tagged `format-conformance` (FMT-*,
 * T*-SHAPE, T*-LABELS) are lowered to warnings. The engine applies `adjusts`
 * by tag; this rule names no other rule.
 */
const rule: Rule = {
  meta: {
    id: 'FMT-2019-LENIENT',
    severity: 'info',
    formats: ['2019', '2021'],
    tags: ['policy'],
    docs: {
      zh: '2019年度报告：统一格式仅为鼓励采用，格式符合性问题（FMT-*、T*-SHAPE、T*-LABELS）降为警告',
      en: 'Report year 2019 (either format): the unified format was only encouraged, so format-conformance findings are warnings',
    },
    basis:
      '“2019年政府信息公开工作年度报告，鼓励按照统一格式发布，确实存在现实困难的，可参照统一格式发布”（国办公开办函〔2019〕60号，S4；spec §2.1、§6.1）',
    messages: {
      default: {
        zh: '2019年度报告的格式符合性问题按警告处理',
        en: 'Format-conformance findings of a 2019 report are warnings',
      },
    },
    adjusts: { tags: ['format-conformance'], severity: 'warning' },
  },
  applies: (ctx) => ctx.report.meta?.reportYear === 2019,
  check() {},
};

export default rule;
