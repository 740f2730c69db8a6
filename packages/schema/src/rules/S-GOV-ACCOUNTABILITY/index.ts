import type { Rule } from '../../core/types.ts';
import { ACCOUNTABILITY, mentions } from '../../text/keywords.ts';
import { readSections, sectionPath, sectionText } from '../../text/sections.ts';

/** A 人民政府's report covers 工作考核, 社会评议 and 责任追究 in section 一 or 五. */
const rule: Rule = {
  meta: {
    id: 'S-GOV-ACCOUNTABILITY',
    severity: 'warning',
    formats: ['2019', '2021'],
    tags: ['content', 'sections'],
    docs: {
      zh: '人民政府的年度报告在“一”或“五”部分报告工作考核、社会评议和责任追究结果情况',
      en: "A people's government's report covers performance assessment, public evaluation and accountability (section 1 or 5)",
    },
    basis:
      '条例第五十条（四）：“各级人民政府的政府信息公开工作年度报告还应当包括工作考核、社会评议和责任追究结果情况”（spec §1.2、§6.1）',
    messages: {
      default: {
        zh: '人民政府的年度报告未报告{items}结果情况（条例第五十条（四））',
        en: "This people's government report does not cover {items} (Art. 50(4))",
      },
    },
  },
  applies: (ctx) => ctx.agencyKind === 'gov' && readSections(ctx.report).hasText,
  check(ctx) {
    const text = [sectionText(ctx.report, 1), sectionText(ctx.report, 5)].join('\n');
    const missing = ACCOUNTABILITY.filter((t) => !mentions(text, t));
    if (missing.length === 0) return;
    const en = ctx.locale === 'en';
    ctx.flag({
      cells: [sectionPath(1), sectionPath(5)],
      params: { items: missing.map((t) => (en ? t.label.en : t.label.zh)).join(en ? ', ' : '、') },
    });
  },
};

export default rule;
