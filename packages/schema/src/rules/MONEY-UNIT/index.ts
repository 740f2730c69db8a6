import { declaredDecimals, declaredUnit, isBlankRaw, parseRawNumber } from '../../core/raw.ts';
import type { Rule } from '../../core/types.ts';
import { cellIndexOf } from '../../templates/index.ts';

/**
 * Above this many 万元 (10亿元) an amount is implausible for a department,
 * township or other body, and suggests it was entered in 元. Governments
 * (which may report a whole region's procurement) get a higher bar.
 */
const PLAUSIBLE_WAN = { default: 100_000, gov: 1_000_000 } as const;

const yuan = (wan: number) => Math.round(wan * 10000 * 100) / 100;
const toWan = (yuanValue: number) => Math.round((yuanValue / 10000) * 1e8) / 1e8;

/** The unit of an amount: 万元 as printed (2021), or as the header/cell declares (2019). */
const rule: Rule = {
  meta: {
    id: 'MONEY-UNIT',
    severity: 'warning',
    inferred: true,
    formats: ['2019', '2021'],
    tags: ['cells', 'money'],
    docs: {
      zh: '金额单位：2021 版「本年收费金额」以万元计，数额过大疑似按元填报；2019 版「采购总金额」的单位取自表头或单元格，无法确定时提示',
      en: 'Amount units: the 2021 fee amount is in 万元 and an implausibly large value suggests 元; the unit of the 2019 procurement amount comes from its header or cell and is warned about when unknown',
    },
    basis:
      '“本年收费金额（单位：万元）”（S13、S14）；国家 2019 版模板「采购总金额」未印单位（S8、S9、S11）；spec §6.2 MONEY-UNIT、§10 第 3 项',
    messages: {
      default: {
        zh: '{cell}为{actual}万元（即{yuan}元），对本机关而言过大，疑似按“元”填报；若以元计，应为{converted}万元',
        en: '{cell} is {actual} 万元 ({yuan} yuan), implausibly large for this agency: it may have been entered in yuan, which would be {converted} 万元',
      },
      mismatch: {
        zh: '{cell}的表头单位为{headerUnit}，单元格却写作“{raw}”（{cellUnit}），数值可能差一万倍',
        en: 'The header of {cell} is in {headerUnit} but the cell reads "{raw}" ({cellUnit}): the value may be off by a factor of 10,000',
      },
      unknown: {
        zh: '{cell}为{actual}，表头和单元格均未注明单位（元或万元），金额无法核对',
        en: '{cell} is {actual}, but neither its header nor the cell states the unit (元 or 万元)',
      },
    },
  },
  check(ctx) {
    for (const [path, info] of cellIndexOf(ctx.format)) {
      if (info.column.kind !== 'money') continue;
      const value = ctx.cell(path);
      if (typeof value !== 'number' || value === 0) continue;
      const prov = ctx.raw(path);
      const raw =
        typeof prov?.raw === 'string' && !isBlankRaw(prov.raw) ? prov.raw.trim() : undefined;
      const cellUnit = raw ? declaredUnit(parseRawNumber(raw).unit) : undefined;
      const headerUnit = declaredUnit(prov?.header) ?? declaredUnit(info.column.label.zh);
      if (cellUnit && headerUnit && cellUnit !== headerUnit) {
        ctx.flag({
          cells: [path],
          messageId: 'mismatch',
          params: { raw: raw!, cellUnit, headerUnit },
        });
        continue;
      }
      const unit = cellUnit ?? headerUnit;
      if (!unit) {
        // Only the document can tell the unit: say it is missing only when we
        // saw both the header and the cell (the form, or an extractor that lost
        // the header, stays silent).
        if (prov?.header !== undefined && raw !== undefined) {
          ctx.flag({ cells: [path], messageId: 'unknown', actual: value });
        }
        continue;
      }
      if (unit !== '万元') continue;
      // A whole number under a header that demands decimals is MONEY-HDR-DECIMALS's
      // finding, which names both readings (万元 with decimals, or 元).
      const declared = declaredDecimals(prov?.header);
      if (raw && declared && declared > 0 && parseRawNumber(raw).decimals === 0) continue;
      const limit = ctx.agencyKind === 'gov' ? PLAUSIBLE_WAN.gov : PLAUSIBLE_WAN.default;
      if (value > limit) {
        ctx.flag({
          cells: [path],
          actual: value,
          params: { yuan: yuan(value), converted: toWan(value) },
        });
      }
    }
  },
};

export default rule;
