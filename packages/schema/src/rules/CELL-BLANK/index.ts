import { isBlankRaw } from '../../core/raw.ts';
import type { Rule } from '../../core/types.ts';
import { cellIndexOf } from '../../templates/index.ts';

const TABLES = ['activeDisclosure', 'applications', 'appeals'] as const;

/** Blank cells (empty, &nbsp;, -, —, /, 无) are counted as 0: reported once per table. */
const rule: Rule = {
  meta: {
    id: 'CELL-BLANK',
    severity: 'warning',
    formats: ['2019', '2021'],
    tags: ['cells'],
    docs: {
      zh: '数值单元格空白或填“-”“—”“/”“无”，按 0 计算；每张表提示一次',
      en: 'Numeric cells left empty or written as "-", "—", "/" or "无" count as 0; reported once per table',
    },
    basis: '实际年报常把 0 留空（S11）或写作“-”（S12）；spec §6.2 CELL-BLANK',
    messages: {
      default: {
        zh: '{table}有{count}个单元格空白（或填写“-”“无”等），已按 0 计算；应填写数字（没有则填 0）',
        en: '{table} has {count} blank cells (empty, "-", "无" and the like), counted as 0; write a number (0 if none)',
      },
      all: {
        zh: '{table}的{count}个单元格全部空白，已按 0 计算；应填写数字（没有则填 0）',
        en: 'All {count} cells of {table} are blank and counted as 0; write a number (0 if none)',
      },
    },
  },
  check(ctx) {
    const blankBy = new Map<string, string[]>();
    const presentBy = new Map<string, number>();
    for (const [path, info] of cellIndexOf(ctx.format)) {
      const value = ctx.cell(path);
      if (value === undefined) continue; // row absent: the SHAPE rules report it
      presentBy.set(info.table, (presentBy.get(info.table) ?? 0) + 1);
      const raw = ctx.raw(path)?.raw;
      if (value === null || isBlankRaw(raw)) {
        blankBy.set(info.table, [...(blankBy.get(info.table) ?? []), path]);
      }
    }
    for (const table of TABLES) {
      const cells = blankBy.get(table);
      if (!cells) continue;
      const all = cells.length === presentBy.get(table);
      ctx.flag({
        cells,
        key: table,
        messageId: all ? 'all' : 'default',
        params: { table: ctx.label(table), count: cells.length },
      });
    }
  },
};

export default rule;
