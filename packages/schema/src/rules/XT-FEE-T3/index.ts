import type { Rule } from '../../core/types.ts';
import { FEE, mentions } from '../../text/keywords.ts';
import { simplifiedText } from '../../text/script.ts';
import { sectionPath, sectionText } from '../../text/sections.ts';

const UNPAID = 'applications.results.other.unpaidFee.total';

/** Fees in section 六 and the 逾期未缴费 row of table 三 tell the same story. */
const rule: Rule = {
  meta: {
    id: 'XT-FEE-T3',
    severity: 'warning',
    formats: ['2021'],
    tags: ['consistency', 'text', 'fees'],
    docs: {
      zh: '（2021年格式）表三有因逾期未缴费不再处理的申请时，“六”部分应提及信息处理费或收费通知；“六”部分称收取了信息处理费时，表三应有本年办理的申请',
      en: '(2021 format) Applications dropped for non-payment in table 3 call for a mention of fees in section 6; fees collected in section 6 call for applications handled in table 3',
    },
    basis: '条例第四十二条（S24）；《政府信息公开信息处理费管理办法》（S23）（spec §6.3）',
    messages: {
      default: {
        zh: '表三有{count}件申请因逾期未缴费不再处理，但「六、其他需要报告的事项」未提及信息处理费或收费通知',
        en: 'Table 3 has {count} applications dropped for non-payment, but section "6. Other matters" does not mention fees or fee notices',
      },
      noApplications: {
        zh: '「六、其他需要报告的事项」称收取了信息处理费，但表三本年没有办理任何申请',
        en: 'Section "6. Other matters" says fees were collected, but table 3 shows no application handled this year',
      },
    },
  },
  applies: (ctx) =>
    sectionText(ctx.report, 6) !== undefined && ctx.report.applications !== undefined,
  check(ctx) {
    const text = simplifiedText(sectionText(ctx.report, 6) ?? '').replace(/\s+/g, '');
    const unpaid = ctx.cell(UNPAID) ?? 0;
    const feeMentioned = mentions(text, FEE) || /收费通知/.test(text);
    if (unpaid > 0 && !feeMentioned) {
      ctx.flag({ cells: [UNPAID, sectionPath(6)], params: { count: unpaid } });
    }
    // "收取信息处理费共计380元" — an amount collected, not "未收取".
    const collected =
      /(?<![未不没无])收取[^。；]{0,12}(?:信息)?处理费[^。；]{0,12}?[1-9]\d*(?:\.\d+)?(?:万)?元/.test(
        text,
      ) || /(?:信息)?处理费[^。；]{0,8}?(?:共计|合计|共|计)?[1-9]\d*(?:\.\d+)?(?:万)?元/.test(text);
    const handled = ctx.cell('applications.results.total.total') ?? 0;
    if (collected && handled === 0) {
      ctx.flag({
        cells: ['applications.results.total.total', sectionPath(6)],
        messageId: 'noApplications',
      });
    }
  },
};

export default rule;
