import type { Rule } from '../../core/types.ts';
import { cellIndexOf } from '../../templates/index.ts';

/** Amounts (采购总金额, 本年收费金额) are decimals ≥ 0. */
const rule: Rule = {
  meta: {
    id: 'MONEY-NONNEG-DEC',
    severity: 'error',
    formats: ['2019', '2021'],
    tags: ['cells', 'money'],
    docs: {
      zh: '金额单元格（2019 版「采购总金额」、2021 版「本年收费金额（单位：万元）」）须为非负数',
      en: 'Amount cells (2019 "total procurement amount", 2021 "fees collected this year") must be ≥ 0',
    },
    basis: '金额不能为负（spec §6.2 MONEY-NONNEG-DEC；表二第二十条第（九）项、第（八）项）',
    messages: {
      default: {
        zh: '{cell}为{actual}，金额不能为负数',
        en: '{cell} is {actual}; an amount cannot be negative',
      },
    },
  },
  check(ctx) {
    for (const [path, info] of cellIndexOf(ctx.format)) {
      if (info.column.kind !== 'money') continue;
      const value = ctx.cell(path);
      if (typeof value === 'number' && value < 0) ctx.flag({ cells: [path], actual: value });
    }
  },
};

export default rule;
