import type { Rule } from '../../core/types.ts';
import { SECTIONS } from '../../templates/index.ts';
import { sequenceIssues } from '../../text/ordinals.ts';
import { readSections, sectionPath } from '../../text/sections.ts';

/** Sub-ordinals of one level inside a section start at the first ordinal and have no gaps or repeats. */
const rule: Rule = {
  meta: {
    id: 'S-SUBHEADING-SEQUENCE',
    severity: 'warning',
    formats: ['2019', '2021'],
    tags: ['structure', 'drafting'],
    docs: {
      zh: '节内同一层级的序号（（一）（二）…、一是 二是 …、1. 2. …）从第一个开始，不跳号、不重复',
      en: 'Sub-ordinals of one level ((一)(二)…, 一是 二是…, 1. 2. …) start at the first and have no gaps or repeats',
    },
    basis:
      '行文规范；“发布内容不准确不全面”（国办公开办函〔2021〕30号（四）明确责任；spec §6.1；seed 第1项：（四）之后是（六））',
    messages: {
      default: {
        zh: '「{section}」部分的序号从“{previous}”跳到“{found}”，应为“{expected}”',
        en: 'In section "{section}" the numbering jumps from "{previous}" to "{found}"; expected "{expected}"',
      },
      start: {
        zh: '「{section}」部分的序号从“{found}”开始，应从“{expected}”开始',
        en: 'In section "{section}" the numbering starts at "{found}"; expected "{expected}"',
      },
    },
  },
  applies: (ctx) => readSections(ctx.report).hasText,
  check(ctx) {
    const reading = readSections(ctx.report);
    // The last numbered section so far: one pass, not a search back from every heading.
    let lastNumber: number | undefined;
    for (const entry of reading.entries) {
      // A stray heading is judged where it sits: in the section before it.
      if (entry.number !== undefined) lastNumber = entry.number;
      const host = lastNumber;
      const tpl = host ? SECTIONS[host - 1] : undefined;
      const section = tpl
        ? ctx.locale === 'en'
          ? tpl.heading.en
          : tpl.heading.zh
        : entry.section.heading.trim();
      entry.section.text &&
        sequenceIssues(entry.section.text).forEach((issue) => {
          ctx.flag({
            cells: host ? [sectionPath(host)] : [],
            messageId: issue.previous ? 'default' : 'start',
            params: {
              section,
              found: issue.found,
              expected: issue.expected,
              previous: issue.previous ?? '',
            },
            key: `${issue.level}:${issue.previous ?? ''}>${issue.found}`,
          });
        });
    }
  },
};

export default rule;
