import { isBlankRaw, parseRawNumber } from '../../core/raw.ts';
import type { Rule } from '../../core/types.ts';
import { cellInfo } from '../../templates/index.ts';

/** A numeric cell with a unit written inside it (`251000元`). Needs the extractor's raw text. */
const rule: Rule = {
  meta: {
    id: 'CELL-UNIT-IN-CELL',
    severity: 'warning',
    formats: ['2019', '2021'],
    tags: ['cells', 'provenance'],
    docs: {
      zh: '数值单元格内写有单位（元、万元、笔、件、个、项、条、次、%等），已取其数字',
      en: 'A numeric cell has a unit written in it (元, 万元, 笔, 件, 个, 项, 条, 次, %…); its number was used',
    },
    basis: 'S11 在「采购总金额」单元格内填写“251000元”；spec §6.2 CELL-UNIT-IN-CELL',
    messages: {
      default: {
        zh: '{cell}填写为“{raw}”，单元格内含单位“{unit}”；已按{actual}读取，单位应只写在表头',
        en: '{cell} reads "{raw}" with the unit "{unit}" inside the cell; read as {actual}. Units belong in the header',
      },
    },
  },
  check(ctx) {
    const cells = ctx.provenance?.cells;
    if (!cells) return; // without the raw text the numbers cannot show a unit
    for (const [path, prov] of Object.entries(cells)) {
      if (!cellInfo(ctx.format, path)) continue; // not a numeric cell of this format
      if (typeof prov?.raw !== 'string' || isBlankRaw(prov.raw)) continue;
      const parsed = parseRawNumber(prov.raw);
      if (!parsed.unit || parsed.value === undefined) continue;
      const value = ctx.cell(path);
      ctx.flag({
        cells: [path],
        ...(typeof value === 'number' && { actual: value }),
        params: { raw: prov.raw.trim(), unit: parsed.unit, actual: value ?? parsed.value },
      });
    }
  },
};

export default rule;
