import type { Rule } from '../../core/types.ts';
import { mentions, SEC6_OTHER } from '../../text/keywords.ts';
import { sectionPath, sectionText } from '../../text/sections.ts';

/** [I] 2021 format: section 六 may report key points, proposals and innovation. */
const rule: Rule = {
  meta: {
    id: 'S-SEC6-OTHER',
    severity: 'info',
    formats: ['2021'],
    tags: ['content', 'sections'],
    inferred: true,
    docs: {
      zh: '（2021年格式，推定）“六”部分报告落实政务公开工作要点、建议提案办理结果公开、工作创新情况',
      en: '(2021 format, inferred) Section 6 reports the annual key points, proposals and innovation',
    },
    basis: '据回忆的国办公开办函〔2021〕30号文字，未经核实（spec §3.2、§11.1）',
    messages: {
      default: {
        zh: '「六、其他需要报告的事项」未提及{items}（通知可能要求报告，待核实）',
        en: 'Section "6. Other matters" does not mention {items} (possibly required by the notice; unconfirmed)',
      },
    },
  },
  applies: (ctx) => sectionText(ctx.report, 6) !== undefined,
  check(ctx) {
    const text = sectionText(ctx.report, 6) ?? '';
    const missing = SEC6_OTHER.filter((t) => !mentions(text, t));
    if (missing.length === 0) return;
    const en = ctx.locale === 'en';
    ctx.flag({
      cells: [sectionPath(6)],
      params: { items: missing.map((t) => (en ? t.label.en : t.label.zh)).join(en ? ', ' : '、') },
    });
  },
};

export default rule;
