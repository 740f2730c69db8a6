import type { Rule } from '../../core/types.ts';
import { previousYearComparable } from '../../text/previous.ts';

/** 2021 format: 现行有效 (Y) ≈ 现行有效 (Y−1) + 本年制发 (Y) − 本年废止 (Y). */
const rule: Rule = {
  meta: {
    id: 'XY-T2-B-VALID',
    severity: 'warning',
    formats: ['2021'],
    tags: ['cross-year', 'activeDisclosure'],
    inferred: true,
    docs: {
      zh: '（2021年格式）规章、行政规范性文件：本年“现行有效件数”= 上年“现行有效件数”+ 本年制发 − 本年废止（修改、重新编号会打破此式，仅作提示）',
      en: '(2021 format) Rules and normative documents: in force now = in force last year + issued − repealed (amendments break it, so it is a hint)',
    },
    basis: '各列含义；公开的第三方工具也检查此式（S33）（spec §6.4，推定 [I]）',
    messages: {
      default: {
        zh: '{cell}为{actual}，按上年现行有效件数加本年制发、减本年废止应为{expected}',
        en: "{cell} is {actual}; last year's count plus issued minus repealed gives {expected}",
      },
    },
  },
  applies: (ctx) =>
    previousYearComparable(ctx) &&
    ctx.previous?.format === '2021' &&
    ctx.previous.activeDisclosure !== undefined,
  check(ctx) {
    for (const row of ['regulations', 'normativeDocuments']) {
      const at = (k: string) => `activeDisclosure.${row}.${k}`;
      const now = ctx.cell(at('valid'));
      const before = ctx.previousCell(at('valid'));
      const issued = ctx.cell(at('issued'));
      const repealed = ctx.cell(at('repealed'));
      if (typeof now !== 'number' || typeof before !== 'number') continue;
      const expected = before + (issued ?? 0) - (repealed ?? 0);
      if (now !== expected) {
        ctx.flag({ cells: [at('valid'), at('issued'), at('repealed')], expected, actual: now });
      }
    }
  },
};

export default rule;
