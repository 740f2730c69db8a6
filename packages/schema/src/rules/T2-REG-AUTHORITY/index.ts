import type { Rule, RuleContext } from '../../core/types.ts';

/**
 * Whether the agency can make 规章 (立法法 第九十一、九十三条: 国务院部门, 省级 and
 * 设区的市/自治州 人民政府). `false` when the name or kind shows a county-level or
 * lower body; `undefined` when it cannot be told (a 市 may or may not have districts).
 */
export function hasRuleMakingPower(
  agencyName: string | undefined,
  agencyKind: string | undefined,
): boolean | undefined {
  if (agencyKind === 'township') return false;
  if (!agencyName) return undefined;
  const name = agencyName.replace(/\s+/g, '');
  // 县, 旗 (county-level in 内蒙古), 区 (district, but not 自治区 = province or 地区),
  // 乡, 镇, 街道, 社区: county level or below, without rule-making power.
  if (/[县旗乡镇]|街道|社区|(?<!自治|地)区/.test(name)) return false;
  if (/省|自治区|自治州|^(?:北京|天津|上海|重庆)市|^国务院|^国家|部$/.test(name)) return true;
  return undefined;
}

const ROW = 'activeDisclosure.regulations';

/** 规章 reported by an agency that cannot make 规章 (county level and below). */
const rule: Rule = {
  meta: {
    id: 'T2-REG-AUTHORITY',
    severity: 'warning',
    inferred: true,
    formats: ['2019', '2021'],
    tags: ['cells', 'activeDisclosure'],
    docs: {
      zh: '县级及以下机关没有规章制定权，表二「规章」行应为 0；机关层级由机关名称或类别推断',
      en: 'County-level and lower bodies cannot make 规章 (rules), so the "rules" row of table 2 should be 0; the level is inferred from the agency name or kind',
    },
    basis:
      '“规章（设区的市、自治州人民政府应提供相关数据）”（湖北格式，S12）；某镇填报现行有效规章 6 件（S14）；spec §6.2、§8',
    messages: {
      default: {
        zh: '{agency}属县级及以下机关，没有规章制定权，但表二「规章」行填报了非零数：{values}',
        en: '{agency} is a county-level or lower body without power to make rules (规章), yet the "rules" row of table 2 is not zero: {values}',
      },
    },
  },
  applies: (ctx: RuleContext) =>
    hasRuleMakingPower(ctx.report.meta?.agencyName, ctx.agencyKind) === false,
  check(ctx) {
    const row = ctx.template.activeDisclosure.subTables[0]!.rows.find((r) => r.path === ROW);
    if (!row) return;
    const nonZero = row.cells.filter((p) => {
      const v = ctx.cell(p);
      return typeof v === 'number' && v !== 0;
    });
    if (nonZero.length === 0) return;
    const values = nonZero
      .map((p) => {
        const column = ctx.template.activeDisclosure.subTables[0]!.columns.find((c) =>
          p.endsWith(`.${c.key}`),
        )!;
        return `${ctx.locale === 'en' ? column.label.en : column.label.zh} ${ctx.cell(p)}`;
      })
      .join(ctx.locale === 'en' ? ', ' : '，');
    const agency = ctx.report.meta?.agencyName ?? (ctx.locale === 'en' ? 'This agency' : '本机关');
    ctx.flag({ cells: nonZero, params: { agency, values } });
  },
};

export default rule;
