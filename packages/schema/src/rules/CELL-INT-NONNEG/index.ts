import type { Rule } from '../../core/types.ts';
import { cellIndexOf } from '../../templates/index.ts';

/** Count cells hold integers ≥ 0; the signed 本年增/减 cells of the 2019 format hold integers. */
const rule: Rule = {
  meta: {
    id: 'CELL-INT-NONNEG',
    severity: 'error',
    formats: ['2019', '2021'],
    tags: ['cells'],
    docs: {
      zh: '计数单元格（表二件数、表三、表四）须为非负整数；2019 版「本年增/减」须为整数，可为负',
      en: 'Count cells (table 2 counts, tables 3 and 4) must be integers ≥ 0; the 2019 "change" cells are signed integers',
    },
    basis: '申请、案件、文件的件数；“减用负值表示，如-8”（湖北格式说明，S12；spec §6.2）',
    messages: {
      default: {
        zh: '{cell}为{actual}，件数须为非负整数',
        en: '{cell} is {actual}; a count must be a whole number ≥ 0',
      },
      negative: {
        zh: '{cell}为{actual}，件数不能为负数',
        en: '{cell} is {actual}; a count cannot be negative',
      },
      fraction: {
        zh: '{cell}为{actual}，件数须为整数',
        en: '{cell} is {actual}; a count must be a whole number',
      },
    },
  },
  check(ctx) {
    for (const [path, info] of cellIndexOf(ctx.format)) {
      const value = ctx.cell(path);
      if (value === null || value === undefined) continue;
      const kind = info.column.kind;
      if (kind === 'money') continue;
      if (!Number.isInteger(value)) {
        ctx.flag({ cells: [path], messageId: 'fraction', actual: value });
      } else if (kind === 'count' && value < 0) {
        ctx.flag({ cells: [path], messageId: 'negative', actual: value });
      }
    }
  },
};

export default rule;
