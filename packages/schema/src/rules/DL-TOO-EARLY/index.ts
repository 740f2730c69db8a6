import type { Rule } from '../../core/types.ts';
import { isoDay } from '../../text/dates.ts';

/** A report published before its year ended. */
const rule: Rule = {
  meta: {
    id: 'DL-TOO-EARLY',
    severity: 'warning',
    formats: ['2019', '2021'],
    tags: ['deadline'],
    inferred: true,
    docs: {
      zh: '发布日期早于报告年度结束（次年1月1日之前）：年份或日期可能有误',
      en: 'Published before the report year ended (before 1 January of the following year): the year or the date may be wrong',
    },
    basis: '年度报告报告的是整个自然年（spec §6.5，推定 [I]）',
    messages: {
      default: {
        zh: '{year}年度报告的发布日期{published}早于该年度结束',
        en: 'The {year} report is dated {published}, before the year ended',
      },
    },
  },
  applies: (ctx) =>
    ctx.report.meta?.reportYear !== undefined && isoDay(ctx.publishedAt) !== undefined,
  check(ctx) {
    const year = ctx.report.meta.reportYear!;
    const published = ctx.publishedAt!;
    if (isoDay(published)! < isoDay(`${year + 1}-01-01`)!) {
      ctx.flag({ cells: ['meta.publishedAt', 'meta.reportYear'], params: { year, published } });
    }
  },
};

export default rule;
