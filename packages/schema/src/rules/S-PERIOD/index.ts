import type { Rule } from '../../core/types.ts';
import { statedPeriod } from '../../text/dates.ts';
import { sectionText } from '../../text/sections.ts';

/** A stated statistical period runs exactly from 1 January to 31 December. */
const rule: Rule = {
  meta: {
    id: 'S-PERIOD',
    severity: 'warning',
    formats: ['2019', '2021'],
    tags: ['content', 'meta'],
    docs: {
      zh: '报告写明的统计期限应为当年1月1日至12月31日',
      en: 'A stated statistical period runs exactly from 1 January to 31 December',
    },
    basis:
      '惯用表述“本报告中所列数据的统计期限自YYYY年1月1日起至YYYY年12月31日止”（S29；spec §2.2、§6.1；S28 写作“12月21日”）',
    messages: {
      default: {
        zh: '统计期限「{quote}」不是完整的自然年（应为{expected}）',
        en: 'The statistical period "{quote}" is not a full calendar year ({expected})',
      },
    },
  },
  check(ctx) {
    const text = [ctx.report.preamble ?? '', sectionText(ctx.report, 1) ?? ''].join('\n');
    const period = statedPeriod(text);
    if (!period) return;
    const year = period.from.year ?? period.to.year ?? ctx.report.meta?.reportYear;
    const { from, to } = period;
    const fullYear =
      from.month === 1 &&
      from.day === 1 &&
      to.month === 12 &&
      to.day === 31 &&
      // A period of another year is S-TITLE-YEAR's finding; here only its span matters.
      (from.year === undefined || to.year === undefined || from.year === to.year);
    if (fullYear) return;
    const expected =
      year === undefined
        ? ctx.locale === 'en'
          ? '1 January to 31 December'
          : '1月1日至12月31日'
        : ctx.locale === 'en'
          ? `1 January ${year} to 31 December ${year}`
          : `${year}年1月1日至${year}年12月31日`;
    ctx.flag({ cells: ['preamble'], params: { quote: period.quote, expected } });
  },
};

export default rule;
