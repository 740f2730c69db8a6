import { normalizeLabel } from '../../core/normalize.ts';
import type { Rule } from '../../core/types.ts';
import { SECTIONS } from '../../templates/index.ts';
import { readSections, sectionPath } from '../../text/sections.ts';

/** A heading without its ordinal and trailing punctuation, normalised (spec §9.3). */
function bareHeading(text: string): string {
  return normalizeLabel(text)
    .replace(/^#+/, '')
    .replace(/^[一二三四五六七八九十]+[、.,]?/, '')
    .replace(/[,、:;.。]/g, ''); // 、 and ， are interchangeable in headings (spec §9.3)
}

/** All six top-level headings are present; variant wordings are reported as warnings. */
const rule: Rule = {
  meta: {
    id: 'S-SECTIONS-PRESENT',
    severity: 'error',
    formats: ['2019', '2021'],
    tags: ['structure', 'sections'],
    docs: {
      zh: '六个一级标题（一、总体情况 … 六、其他需要报告的事项）齐全；措辞不同或缺少序号的标题给出警告',
      en: 'All six top-level headings are present; variant wording or a missing ordinal is a warning',
    },
    basis:
      '“年度报告内容，要严格按照《条例》第五十条的规定确定，不能遗漏，也不宜泛化”（国办公开办函〔2021〕30号）；条例第五十条（spec §6.1, §9.3）',
    messages: {
      default: {
        zh: '缺少一级标题「{heading}」',
        en: 'The heading "{heading}" is missing',
      },
      variant: {
        zh: '一级标题「{found}」与统一格式的「{heading}」措辞不同',
        en: 'The heading "{found}" differs from the official "{heading}"',
      },
      noOrdinal: {
        zh: '一级标题「{found}」缺少序号，统一格式为「{heading}」',
        en: 'The heading "{found}" has no ordinal; the official heading is "{heading}"',
      },
    },
  },
  // Without any text (a form with only tables filled in) there is nothing to judge.
  applies: (ctx) => readSections(ctx.report).hasText,
  check(ctx) {
    const reading = readSections(ctx.report);
    for (const tpl of SECTIONS) {
      // The official heading is Chinese text; English adds a gloss.
      const heading =
        ctx.locale === 'en' ? `${tpl.heading.zh} (${tpl.heading.en})` : tpl.heading.zh;
      const entry = reading.canonical.get(tpl.number);
      const cells = [sectionPath(tpl.number)];
      if (!entry) {
        ctx.flag({ cells, params: { heading } });
        continue;
      }
      const found = entry.section.heading.trim();
      if (entry.by === 'keyword') {
        ctx.flag({
          cells,
          messageId: 'noOrdinal',
          severity: 'warning',
          params: { found, heading },
        });
        continue;
      }
      if (bareHeading(found) !== bareHeading(tpl.heading.zh)) {
        ctx.flag({ cells, messageId: 'variant', severity: 'warning', params: { found, heading } });
      }
    }
  },
};

export default rule;
