import type { Rule } from '../../core/types.ts';
import { checkDeadline, deadlineApplies, localMonthDay } from '../../text/deadline.ts';

/** Townships, sub-districts and other bodies publish by the local deadline (default 31 March; set with localDeadline). */
const rule: Rule = {
  meta: {
    id: 'DL-OTHER',
    severity: 'warning',
    formats: ['2019', '2021'],
    tags: ['deadline'],
    docs: {
      zh: '乡镇、街道及其他机关在地方规定的期限（默认次年3月31日，可由 localDeadline 设置）前公布',
      en: 'Townships, sub-districts and other bodies publish by the local deadline (default 31 March; set with localDeadline)',
    },
    basis: '条例第四十九条未规定乡镇、街道的期限，由省市通知规定（如 S16 怀化）（spec §1.1、§6.5）',
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
  applies: (ctx) => deadlineApplies(ctx, ['township', 'other']),
  check: (ctx) => checkDeadline(ctx, localMonthDay(ctx)),
};

export default rule;
