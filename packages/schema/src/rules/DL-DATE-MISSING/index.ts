import type { Rule } from '../../core/types.ts';
import { isoDay } from '../../text/dates.ts';

/** No publication date could be read, so the deadline rules could not run. */
const rule: Rule = {
  meta: {
    id: 'DL-DATE-MISSING',
    severity: 'info',
    formats: ['2019', '2021'],
    tags: ['deadline'],
    docs: {
      zh: '未能读取发布日期，无法检查是否按期发布',
      en: 'No publication date could be read, so timeliness could not be checked',
    },
    basis:
      '发布日期只取公开日期标签（PubDate、信息表的公开日期、发布日期一行），最后才取网址中的日期；成文日期、采集时间、页面时钟不算（spec §6.5）',
    messages: {
      default: {
        zh: '未能读取发布日期，无法检查是否按期发布',
        en: 'No publication date was found, so timeliness could not be checked',
      },
      invalid: {
        zh: '发布日期「{published}」不是有效日期（应为YYYY-MM-DD），无法检查是否按期发布',
        en: 'The publication date "{published}" is not a valid date (YYYY-MM-DD), so timeliness could not be checked',
      },
    },
  },
  check(ctx) {
    const published = ctx.publishedAt?.trim();
    if (!published) ctx.flag({ cells: ['meta.publishedAt'], origin: 'extraction' });
    else if (isoDay(published) === undefined) {
      ctx.flag({ cells: ['meta.publishedAt'], messageId: 'invalid', params: { published } });
    }
  },
};

export default rule;
