import type { Rule } from '../../core/types.ts';
import { SECTIONS } from '../../templates/index.ts';
import { readSections, sectionPath } from '../../text/sections.ts';

/** Sections appear in the order 一→六, and only a preamble precedes 一. */
const rule: Rule = {
  meta: {
    id: 'S-SECTION-ORDER',
    severity: 'error',
    formats: ['2019', '2021'],
    tags: ['structure', 'sections'],
    docs: {
      zh: '一级标题按一→六的顺序出现，“一、总体情况”之前只有开头说明',
      en: 'Top-level headings appear in the order 1→6, with only a preamble before section 1',
    },
    basis: '统一格式的六部分结构；条例第五十条末款（spec §6.1）',
    messages: {
      default: {
        zh: '「{heading}」出现在「{after}」之后，顺序应为一→六',
        en: '"{heading}" comes after "{after}"; the order is 1 → 6',
      },
      beforeFirst: {
        zh: '「{found}」出现在「{first}」之前：第一部分之前只应有报告开头说明',
        en: '"{found}" comes before "{first}": only a preamble may precede section 1',
      },
    },
  },
  applies: (ctx) => readSections(ctx.report).hasText,
  check(ctx) {
    const reading = readSections(ctx.report);
    const name = (n: number) => {
      const tpl = SECTIONS[n - 1]!;
      return ctx.locale === 'en' ? tpl.heading.en : tpl.heading.zh;
    };
    // Walk the first heading of each section in document order; a section whose
    // number is lower than one already seen is out of order. Repeated ordinals
    // are S-HEADING-ORDINAL-UNIQUE's, so only first occurrences count here.
    const firsts = [...reading.canonical.values()].sort((a, b) => a.index - b.index);
    let highest = 0;
    for (const entry of firsts) {
      const n = entry.number!;
      if (n < highest) {
        ctx.flag({
          cells: [sectionPath(n), sectionPath(highest)],
          params: { heading: name(n), after: name(highest) },
        });
      } else {
        highest = n;
      }
    }
    const first = reading.canonical.get(1);
    if (first) {
      for (const stray of reading.strays) {
        // Unnumbered blocks before 一 (概述, 前言) are the customary preamble (S31).
        if (stray.index >= first.index || stray.ordinalNumber === undefined) continue;
        ctx.flag({
          cells: [sectionPath(1)],
          messageId: 'beforeFirst',
          params: { found: stray.section.heading.trim(), first: name(1) },
          key: stray.section.heading.trim(),
        });
      }
    }
  },
};

export default rule;
