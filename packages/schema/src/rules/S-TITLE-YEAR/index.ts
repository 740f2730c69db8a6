import { normalizeLabel } from '../../core/normalize.ts';
import type { Rule } from '../../core/types.ts';
import { statedPeriod, yearsIn } from '../../text/dates.ts';
import { sectionText } from '../../text/sections.ts';

/** The title names the report year and the agency; the stated period is of the same year. */
const rule: Rule = {
  meta: {
    id: 'S-TITLE-YEAR',
    severity: 'error',
    formats: ['2019', '2021'],
    tags: ['structure', 'meta'],
    docs: {
      zh: '标题写明报告年度和机关名称；标题年度与统计期限的年度一致',
      en: 'The title names the report year and the agency; the year matches the stated statistical period',
    },
    basis: '条例第四十九条“上一年度政府信息公开工作年度报告”（spec §6.1）',
    messages: {
      default: {
        zh: '标题「{title}」未写明报告年度{year}年',
        en: 'The title "{title}" does not state the report year {year}',
      },
      otherYear: {
        zh: '标题「{title}」写的是{found}年，而报告年度为{year}年',
        en: 'The title "{title}" says {found}, but the report year is {year}',
      },
      agency: {
        zh: '标题「{title}」未写明机关名称「{agency}」',
        en: 'The title "{title}" does not name the agency "{agency}"',
      },
      period: {
        zh: '统计期限「{quote}」的年度（{found}年）与报告年度{year}年不一致',
        en: 'The statistical period "{quote}" is of {found}, not of the report year {year}',
      },
    },
  },
  applies: (ctx) => ctx.report.meta?.reportYear !== undefined,
  check(ctx) {
    const year = ctx.report.meta.reportYear!;
    const title = ctx.report.meta.title?.trim();
    if (title) {
      const years = yearsIn(title);
      if (years.length === 0) ctx.flag({ cells: ['meta.title'], params: { title, year } });
      else if (!years.includes(year)) {
        ctx.flag({
          cells: ['meta.title', 'meta.reportYear'],
          messageId: 'otherYear',
          params: { title, year, found: years[0]! },
        });
      }
      const agency = ctx.report.meta.agencyName?.trim();
      if (agency && !namesAgency(normalizeLabel(title), normalizeLabel(agency))) {
        ctx.flag({
          cells: ['meta.title', 'meta.agencyName'],
          messageId: 'agency',
          params: { title, agency },
        });
      }
    }
    const text = [ctx.report.preamble ?? '', sectionText(ctx.report, 1) ?? ''].join('\n');
    const period = statedPeriod(text);
    const found = period?.from.year ?? period?.to.year;
    if (period && found !== undefined && found !== year) {
      ctx.flag({
        cells: ['meta.reportYear', 'preamble'],
        messageId: 'period',
        params: { quote: period.quote, found, year },
      });
    }
  },
};

export default rule;

/**
 * A title names the agency also by its short form: 洪泽区人民政府 for
 * 淮安市洪泽区人民政府 (the name without the higher-level place before it).
 */
function namesAgency(title: string, agency: string): boolean {
  if (title.includes(agency)) return true;
  // Drop leading place names (省/市/州/盟/地区) one at a time: what is left must still be a name.
  let rest = agency;
  for (;;) {
    const m = /^.{1,8}?(?:省|自治区|市|自治州|州|盟|地区)(?=.{3,})/.exec(rest);
    if (!m) return false;
    rest = rest.slice(m[0].length);
    if (title.includes(rest)) return true;
  }
}
