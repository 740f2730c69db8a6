import type { Rule } from '../../core/types.ts';
import { mentions, OVERALL_ASPECTS } from '../../text/keywords.ts';
import { sectionPath, sectionText } from '../../text/sections.ts';

/** Section 一 covers the five aspects: 主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障. */
const rule: Rule = {
  meta: {
    id: 'S-OVERALL-ASPECTS',
    severity: 'warning',
    formats: ['2019', '2021'],
    tags: ['content', 'sections'],
    docs: {
      zh: '“一、总体情况”涵盖主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面',
      en: 'Section 1 covers proactive disclosure, disclosure on request, information management, platforms and oversight',
    },
    basis:
      '“主要包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障”（国办公开办函〔2021〕30号；2019年格式见 S17）（spec §2.2、§3.2）',
    messages: {
      default: {
        zh: '「一、总体情况」未提及{aspects}（应涵盖主动公开、依申请公开、政府信息管理、平台建设、监督保障）',
        en: 'Section "1. Overview" does not mention {aspects} (it should cover all five aspects)',
      },
    },
  },
  applies: (ctx) => sectionText(ctx.report, 1) !== undefined,
  check(ctx) {
    const text = sectionText(ctx.report, 1) ?? '';
    const missing = OVERALL_ASPECTS.filter((a) => !mentions(text, a));
    if (missing.length === 0) return;
    const en = ctx.locale === 'en';
    ctx.flag({
      cells: [sectionPath(1)],
      params: {
        aspects: missing.map((a) => (en ? a.label.en : a.label.zh)).join(en ? ', ' : '、'),
      },
    });
  },
};

export default rule;
