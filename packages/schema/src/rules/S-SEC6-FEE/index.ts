import type { Rule } from '../../core/types.ts';
import { FEE, FEE_STATEMENT, mentions } from '../../text/keywords.ts';
import { sectionPath, sectionText } from '../../text/sections.ts';

/** 2021 format: section 六 states whether 信息处理费 was collected (an amount, or none). */
const rule: Rule = {
  meta: {
    id: 'S-SEC6-FEE',
    severity: 'error',
    formats: ['2021'],
    tags: ['content', 'sections', 'fees'],
    docs: {
      zh: '（2021年格式）“六、其他需要报告的事项”报告信息处理费收取情况：写明金额或“未收取”',
      en: '(2021 format) Section 6 reports information processing fees: an amount, or that none were collected',
    },
    basis:
      '模板：“收取信息处理费情况在此处报告”（S15）；条例第四十二条；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）（spec §3.2、§6.1）',
    messages: {
      default: {
        zh: '「六、其他需要报告的事项」未报告信息处理费收取情况（应写明收取金额或“未收取”）',
        en: 'Section "6. Other matters" does not report information processing fees (state the amount or that none were collected)',
      },
      unclear: {
        zh: '「六、其他需要报告的事项」提到信息处理费，但未写明是否收取及金额',
        en: 'Section "6. Other matters" mentions information processing fees but not whether any were collected, or how much',
      },
    },
  },
  applies: (ctx) => sectionText(ctx.report, 6) !== undefined,
  check(ctx) {
    const text = sectionText(ctx.report, 6) ?? '';
    const cells = [sectionPath(6)];
    if (!mentions(text, FEE)) ctx.flag({ cells });
    else if (!mentions(text, FEE_STATEMENT)) ctx.flag({ cells, messageId: 'unclear' });
  },
};

export default rule;
