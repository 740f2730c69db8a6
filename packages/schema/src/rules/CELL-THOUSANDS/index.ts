import { isBlankRaw, parseRawNumber } from '../../core/raw.ts';
import type { Rule } from '../../core/types.ts';
import { cellInfo } from '../../templates/index.ts';

/** Thousands separators or fullwidth digits in a numeric cell. Needs the extractor's raw text. */
const rule: Rule = {
  meta: {
    id: 'CELL-THOUSANDS',
    severity: 'warning',
    inferred: true,
    formats: ['2019', '2021'],
    tags: ['cells', 'provenance'],
    docs: {
      zh: '数值单元格使用千位分隔符或全角数字，已规范化读取',
      en: 'A numeric cell uses thousands separators or fullwidth digits; it was normalised',
    },
    basis: '防御性检查（spec §6.2 CELL-THOUSANDS，[I]）：“1,511”“１５１１”易被误读',
    messages: {
      default: {
        zh: '{cell}填写为“{raw}”，含千位分隔符；已按{actual}读取',
        en: '{cell} reads "{raw}" with thousands separators; read as {actual}',
      },
      fullwidth: {
        zh: '{cell}填写为“{raw}”，使用全角数字；已按{actual}读取',
        en: '{cell} reads "{raw}" in fullwidth digits; read as {actual}',
      },
    },
  },
  check(ctx) {
    const cells = ctx.provenance?.cells;
    if (!cells) return;
    for (const [path, prov] of Object.entries(cells)) {
      if (!cellInfo(ctx.format, path)) continue; // not a numeric cell of this format
      if (typeof prov?.raw !== 'string' || isBlankRaw(prov.raw)) continue;
      const parsed = parseRawNumber(prov.raw);
      if (parsed.value === undefined || !(parsed.thousands || parsed.fullwidth)) continue;
      const value = ctx.cell(path);
      ctx.flag({
        cells: [path],
        messageId: parsed.thousands ? 'default' : 'fullwidth',
        ...(typeof value === 'number' && { actual: value }),
        params: { raw: prov.raw.trim(), actual: value ?? parsed.value },
      });
    }
  },
};

export default rule;
