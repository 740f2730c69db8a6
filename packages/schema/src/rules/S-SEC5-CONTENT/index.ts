import type { Rule } from '../../core/types.ts';
import { IMPROVEMENT, mentions, PROBLEM } from '../../text/keywords.ts';
import { isEmptyText, sectionPath, sectionText } from '../../text/sections.ts';

/** Section 五 names at least one problem and one improvement; "无" is not enough. */
const rule: Rule = {
  meta: {
    id: 'S-SEC5-CONTENT',
    severity: 'warning',
    formats: ['2019', '2021'],
    tags: ['content', 'sections'],
    docs: {
      zh: '“五、存在的主要问题及改进情况”不为空，至少写明一个问题和一项改进措施（不能只写“无”）',
      en: 'Section 5 is not empty and names at least one problem and one improvement (not just "none")',
    },
    basis: '条例第五十条（四）“政府信息公开工作存在的主要问题及改进情况”（spec §1.2、§6.1）',
    messages: {
      default: {
        zh: '「五、存在的主要问题及改进情况」为空或只写“无”',
        en: 'Section "5. Main problems and improvements" is empty or just says "none"',
      },
      partial: {
        zh: '「五、存在的主要问题及改进情况」未写明{missing}',
        en: 'Section "5. Main problems and improvements" does not state {missing}',
      },
    },
  },
  applies: (ctx) => sectionText(ctx.report, 5) !== undefined,
  check(ctx) {
    const text = sectionText(ctx.report, 5) ?? '';
    const cells = [sectionPath(5)];
    if (isEmptyText(text)) {
      ctx.flag({ cells });
      return;
    }
    const missing = [PROBLEM, IMPROVEMENT].filter((t) => !mentions(text, t));
    if (missing.length === 0) return;
    const en = ctx.locale === 'en';
    ctx.flag({
      cells,
      messageId: 'partial',
      params: {
        missing: missing.map((t) => (en ? t.label.en : t.label.zh)).join(en ? ' or ' : '和'),
      },
      key: missing.map((t) => t.id).join(','),
    });
  },
};

export default rule;
