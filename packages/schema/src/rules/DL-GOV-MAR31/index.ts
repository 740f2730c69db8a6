import type { Rule } from '../../core/types.ts';
import { checkDeadline, deadlineApplies } from '../../text/deadline.ts';

/** A local people's government publishes its own report by 31 March of the following year. */
const rule: Rule = {
  meta: {
    id: 'DL-GOV-MAR31',
    severity: 'error',
    formats: ['2019', '2021'],
    tags: ['deadline'],
    docs: {
      zh: '县级以上地方人民政府的本级年度报告在次年3月31日前公布',
      en: "A local people's government at county level or above publishes its report by 31 March of the following year",
    },
    basis:
      '条例第四十九条第二款：“……应当在每年3月31日前向社会公布本级政府上一年度政府信息公开工作年度报告”（S5；spec §1.1、§6.5）',
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
  applies: (ctx) => deadlineApplies(ctx, ['gov']),
  check: (ctx) => checkDeadline(ctx, '03-31'),
};

export default rule;
