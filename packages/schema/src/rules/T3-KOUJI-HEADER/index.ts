import { normalizeLabel } from '../../core/normalize.ts';
import type { Rule } from '../../core/types.ts';

/** The 勾稽 statement is printed in the header of table 三. */
const rule: Rule = {
  meta: {
    id: 'T3-KOUJI-HEADER',
    severity: 'info',
    formats: ['2019', '2021'],
    tags: ['labels', 'applications'],
    docs: {
      zh: '表三表头印有勾稽关系说明“（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）”',
      en: 'The header of table 3 carries the balance statement "(items 1 + 2 = items 3 + 4 in each column)"',
    },
    basis: 'S8、S11、S13 的表三表头（spec §2.4、§6.1）；缺少它不算错误，但常说明表格被改动过',
    messages: {
      default: {
        zh: '表三表头缺少勾稽关系说明「{statement}」',
        en: 'The header of table 3 lacks the balance statement "{statement}"',
      },
      variant: {
        zh: '表三表头的勾稽关系说明「{found}」与统一格式「{statement}」不同',
        en: 'The balance statement of table 3 "{found}" differs from the official "{statement}"',
      },
    },
  },
  // Only the extractor can tell what the header held; without its reading there is nothing to judge.
  applies: (ctx) =>
    ctx.report.applications !== undefined && ctx.provenance?.tableHeaders !== undefined,
  check(ctx) {
    const statement = ctx.template.koujiStatement;
    const found = ctx.provenance?.tableHeaders?.applications?.trim();
    if (!found) {
      ctx.flag({ cells: ['applications'], params: { statement } });
      return;
    }
    const core = (s: string) => normalizeLabel(s).replace(/^\(|\)$/g, '');
    if (!normalizeLabel(found).includes(core(statement))) {
      ctx.flag({ cells: ['applications'], messageId: 'variant', params: { found, statement } });
    }
  },
};

export default rule;
