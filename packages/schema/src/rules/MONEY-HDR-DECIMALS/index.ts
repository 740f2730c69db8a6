import {
  decimalsOf,
  declaredDecimals,
  declaredUnit,
  isBlankRaw,
  parseRawNumber,
} from '../../core/raw.ts';
import type { Rule } from '../../core/types.ts';
import { cellIndexOf } from '../../templates/index.ts';

/** Default tolerance when no header rule is printed: 4 decimals of 万元 are yuan precision. */
const MAX_DEFAULT_DECIMALS = 4;

/** An amount has exactly the decimals its header demands (`保留4位小数`). Seed item 3. */
const rule: Rule = {
  meta: {
    id: 'MONEY-HDR-DECIMALS',
    severity: 'error',
    formats: ['2019', '2021'],
    tags: ['cells', 'money', 'provenance'],
    docs: {
      zh: '表头注明“保留N位小数”时，金额须恰好写出N位小数；未注明时接受 0–4 位，超过 4 位提示',
      en: 'When the header says "保留N位小数" (N decimals), the amount must be written with exactly N decimals; otherwise 0–4 are accepted and more are warned about',
    },
    basis:
      '以报告自身表头为准（省级或地方模板，如嵩县公安局 2020 年报“采购总金额(单位:万元,保留4位小数)”填“1511”）；spec §6.2、§10 第 3 项',
    messages: {
      default: {
        zh: '{cell}的表头要求保留{declared}位小数，填报值“{raw}”有{found}位小数（应写作“{suggested}”）',
        en: 'The header of {cell} demands {declared} decimals, but "{raw}" has {found} (write "{suggested}")',
      },
      integerInWan: {
        zh: '{cell}的表头以万元计并要求保留{declared}位小数，填报值“{raw}”却是整数：若确为{raw}万元，应写作“{suggested}”；若是按“元”填写的{raw}元，应为“{converted}”（万元）',
        en: 'The header of {cell} is in 万元 with {declared} decimals, yet "{raw}" is a whole number: if it is {raw} 万元, write "{suggested}"; if it was written in yuan ({raw} yuan), it is "{converted}" 万元',
      },
      tooMany: {
        zh: '{cell}填报值“{raw}”有{found}位小数；表头未规定位数时，万元金额最多 4 位小数（精确到元）',
        en: '{cell} is written "{raw}" with {found} decimals; without a rule in the header, at most 4 are expected (yuan precision in 万元)',
      },
    },
  },
  check(ctx) {
    for (const [path, info] of cellIndexOf(ctx.format)) {
      if (info.column.kind !== 'money') continue;
      const value = ctx.cell(path);
      if (typeof value !== 'number') continue;
      const prov = ctx.raw(path);
      const raw = typeof prov?.raw === 'string' && !isBlankRaw(prov.raw) ? prov.raw : undefined;
      // Without the raw text, 1511 and 1511.0000 are the same number: decide only what it shows.
      const found = raw !== undefined ? parseRawNumber(raw).decimals : decimalsOf(value);
      const shown = raw?.trim() ?? String(value);
      const declared = declaredDecimals(prov?.header);
      if (declared !== undefined) {
        const mismatch = raw !== undefined ? found !== declared : found > declared;
        const inWan = (declaredUnit(prov?.header) ?? declaredUnit(info.column.label.zh)) === '万元';
        if (mismatch && inWan && raw !== undefined && found === 0 && declared > 0) {
          // One cell, one piece of advice: the two readings of a whole number in 万元.
          ctx.flag({
            cells: [path],
            messageId: 'integerInWan',
            params: {
              declared,
              raw: shown,
              suggested: value.toFixed(declared),
              converted: (value / 10000).toFixed(Math.max(declared, 4)),
            },
          });
        } else if (mismatch) {
          ctx.flag({
            cells: [path],
            params: {
              declared,
              raw: shown,
              found,
              suggested: value.toFixed(declared),
            },
          });
        }
      } else if (found > MAX_DEFAULT_DECIMALS) {
        ctx.flag({
          cells: [path],
          messageId: 'tooMany',
          severity: 'warning',
          params: { raw: shown, found },
        });
      }
    }
  },
};

export default rule;
