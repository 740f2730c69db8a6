import type { Rule } from '../../core/types.ts';
import { appealsTotalEquation } from '../../tables/appeals-total.ts';

/** Table 四, lawsuits without prior review: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
const rule: Rule = {
  meta: {
    id: 'T4-LITD-TOTAL',
    // Spec §6.3 lists E, but marks the basis [I]: inferred rules stay warnings.
    severity: 'warning',
    inferred: true,
    formats: ['2019', '2021'],
    tags: ['arithmetic', 'appeals'],
    docs: {
      zh: '表四「未经复议直接起诉」：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
      en: 'Table 4, lawsuits without prior review: total = upheld + corrected + other + pending',
    },
    basis:
      '表四每组五列中「总计」列在四个结果列之后（spec §2.5、§6.3，[I]；S11 数据满足：8+0+0+1=9）',
    messages: {
      default: {
        zh: '行政诉讼「未经复议直接起诉」：结果维持、结果纠正、其他结果、尚未审结之和为{expected}，「总计」为{actual}；无法判断是哪一格填错',
        en: 'Table 4, lawsuits without prior review: upheld + corrected + other + pending = {expected}, but "Total" is {actual}; which cell is wrong cannot be told',
      },
    },
  },
  check(ctx) {
    appealsTotalEquation(ctx, 'litigationDirect');
  },
};

export default rule;
