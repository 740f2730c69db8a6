import type { Rule } from '../../core/types.ts';
import { checkDeadline, deadlineApplies } from '../../text/deadline.ts';

/** A government department at county level or above publishes by 31 January of the following year. */
const rule: Rule = {
  meta: {
    id: 'DL-DEPT-JAN31',
    severity: 'error',
    formats: ['2019', '2021'],
    tags: ['deadline'],
    docs: {
      zh: '县级以上人民政府部门在次年1月31日前公布上一年度报告',
      en: 'A government department at county level or above publishes by 31 January of the following year',
    },
    basis:
      '条例第四十九条第一款：“县级以上人民政府部门应当在每年1月31日前……提交本行政机关上一年度政府信息公开工作年度报告并向社会公布”（S5；spec §1.1、§6.5）',
    messages: {
      default: {
        zh: '{year}年度报告于{published}发布，晚于期限{deadline}（逾期{days}天）',
        en: 'The {year} report was published on {published}, {days} days after the deadline {deadline}',
      },
      fromUrl: {
        zh: '按网址中的日期，{year}年度报告于{published}发布，晚于期限{deadline}（{days}天）；网址日期可能是重新发布的日期，请核实',
        en: 'By the date in its URL the {year} report was published on {published}, {days} days after the deadline {deadline}; a URL date may be a re-posting, please verify',
      },
    },
  },
  applies: (ctx) => deadlineApplies(ctx, ['dept']),
  check: (ctx) => checkDeadline(ctx, '01-31'),
};

export default rule;
