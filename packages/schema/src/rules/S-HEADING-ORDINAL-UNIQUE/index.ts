import type { Rule } from '../../core/types.ts';
import { SECTIONS } from '../../templates/index.ts';
import { readSections, sectionPath } from '../../text/sections.ts';

/** Each top-level ordinal 一、…六、 occurs once; a repeated or extra one is a nesting error. */
const rule: Rule = {
  meta: {
    id: 'S-HEADING-ORDINAL-UNIQUE',
    severity: 'error',
    formats: ['2019', '2021'],
    tags: ['structure', 'sections'],
    docs: {
      zh: '一级序号“一、”至“六、”各出现一次；重复或多出的一级序号是层级错误（节内小标题应使用（一）（二））',
      en: 'Each top-level ordinal 一、…六、 occurs once; a repeated or extra one is a nesting error',
    },
    basis: '统一格式的六部分结构（spec §2.2、§6.1；seed 第2项：第五部分内出现第二个“二、”）',
    messages: {
      default: {
        zh: '「{section}」部分中出现第二个一级序号“{ordinal}、”（「{found}」）：一级序号须唯一，节内小标题应使用（一）（二）等',
        en: 'Section "{section}" contains a second top-level ordinal "{ordinal}、" ("{found}"): top-level ordinals must be unique; use (一)(二) inside a section',
      },
      extra: {
        zh: '「{found}」使用了统一格式之外的一级序号“{ordinal}、”：年度报告只有六个部分',
        en: '"{found}" uses a top-level ordinal "{ordinal}、" beyond the six official sections',
      },
    },
  },
  applies: (ctx) => readSections(ctx.report).hasText,
  check(ctx) {
    const reading = readSections(ctx.report);
    let current: number | undefined;
    for (const entry of reading.entries) {
      if (entry.number !== undefined) {
        current = entry.number;
        continue;
      }
      if (entry.ordinalNumber === undefined) continue;
      const found = entry.section.heading.trim();
      const ordinal = entry.section.ordinal ?? '';
      const key = found;
      if (entry.ordinalNumber > 6) {
        const cells = current ? [sectionPath(current)] : [];
        ctx.flag({ cells, messageId: 'extra', params: { found, ordinal }, key });
        continue;
      }
      // A repeated ordinal: the section it sits in is where the reader must look.
      const host = current ?? entry.ordinalNumber;
      const tpl = SECTIONS[host - 1]!;
      ctx.flag({
        cells: [sectionPath(host), sectionPath(entry.ordinalNumber)],
        params: { section: ctx.locale === 'en' ? tpl.heading.en : tpl.heading.zh, ordinal, found },
        key,
      });
    }
  },
};

export default rule;
