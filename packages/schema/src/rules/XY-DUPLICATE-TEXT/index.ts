import type { Rule } from '../../core/types.ts';
import { SECTIONS } from '../../templates/index.ts';
import { readSections, sectionPath, sectionText } from '../../text/sections.ts';
import { comparableText, similarity } from '../../text/similarity.ts';

/** Sections that are checked for copying (一, 五, 六) and the thresholds. */
const CHECKED = [1, 5, 6];
const THRESHOLD = 0.9;
/** Shorter texts (e.g. 六's "无") are alike in every report and prove nothing. */
const MIN_CHARS = 40;

/** 内容雷同: sections 一, 五, 六 nearly identical to last year's. */
const rule: Rule = {
  meta: {
    id: 'XY-DUPLICATE-TEXT',
    severity: 'warning',
    formats: ['2019', '2021'],
    tags: ['cross-year', 'content'],
    docs: {
      zh: '“一”“五”“六”部分与上一年度报告几乎相同（去除年份、数字后相似度≥90%）：内容雷同',
      en: "Sections 1, 5 and 6 nearly identical to last year's (≥ 90 % similar after removing years and numbers): copied content",
    },
    basis:
      '“出现……内容雷同、敷衍塞责等问题……严肃追究责任”（国办公开办函〔2021〕30号（四），S3）；S19（spec §6.4、§7 第3项）',
    messages: {
      default: {
        zh: '「{section}」与上一年度报告的同一部分相似度为{percent}%（内容雷同）',
        en: 'Section "{section}" is {percent}% similar to the same section of last year\'s report (copied content)',
      },
    },
  },
  applies: (ctx) =>
    ctx.previous !== undefined &&
    readSections(ctx.report).hasText &&
    readSections(ctx.previous).hasText,
  check(ctx) {
    for (const n of CHECKED) {
      const now = comparableText(sectionText(ctx.report, n) ?? '');
      const before = comparableText(sectionText(ctx.previous!, n) ?? '');
      if (now.length < MIN_CHARS || before.length < MIN_CHARS) continue;
      const score = similarity(now, before);
      if (score < THRESHOLD) continue;
      const tpl = SECTIONS[n - 1]!;
      ctx.flag({
        cells: [sectionPath(n)],
        params: {
          section: ctx.locale === 'en' ? tpl.heading.en : tpl.heading.zh,
          percent: Math.floor(score * 100),
        },
      });
    }
  },
};

export default rule;
