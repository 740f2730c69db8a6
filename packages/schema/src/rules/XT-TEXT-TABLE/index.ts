import type { Rule, RuleContext } from '../../core/types.ts';
import { sectionPath, sectionText } from '../../text/sections.ts';
import { type Alternative, MAX_STATEMENTS, statementsIn, TOPIC_CELLS } from './statements.ts';

/** Sections whose text states the figures of tables 三 and 四. */
const SECTIONS_READ = [1, 3, 4];

/**
 * Every number the text states about applications, results, reviews and suits
 * is matched (a pass), contradicted (a warning) or unverifiable (an info):
 * none is silently skipped.
 */
const rule: Rule = {
  meta: {
    id: 'XT-TEXT-TABLE',
    severity: 'warning',
    formats: ['2019', '2021'],
    tags: ['consistency', 'text'],
    docs: {
      zh: '正文（一、三、四部分）所述申请、办理结果、行政复议、行政诉讼的数字与表三、表四一致；无法核对的数字也逐一列出',
      en: 'Numbers the text (sections 1, 3, 4) states about applications, results, reviews and lawsuits agree with tables 3 and 4; numbers that cannot be verified are listed too',
    },
    basis: '“确保逻辑关系对应一致”（S17）（spec §6.3）',
    messages: {
      default: {
        zh: '正文称“{quote}”（正文：{value}），而表格中{what}为{table}',
        en: 'The text says "{quote}" (text: {value}), but in the table {what} is {table}',
      },
      uncertain: {
        zh: '正文“{quote}”中的{value}可能是指{what}（表格为{table}），但该句未明确说明，请核对',
        en: 'The {value} in the text "{quote}" may refer to {what} (table: {table}), but the sentence does not say so plainly; please check',
      },
      noTable: {
        zh: '正文称“{quote}”，但{what}不在报告中（未找到表格），无法核对',
        en: 'The text says "{quote}", but {what} is not in the report (table not found), so it cannot be verified',
      },
      unknown: {
        zh: '正文称“{quote}”，该数字无法对应到表三、表四的单元格，无法核对',
        en: 'The text says "{quote}"; this number cannot be tied to a cell of tables 3 or 4',
      },
      tooMany: {
        zh: '该部分正文中关于申请和案件的数字过多，只核对了前{count}个',
        en: 'This section states too many counts about applications and cases; only the first {count} were checked',
      },
      matched: {
        zh: '正文“{quote}”与{what}一致',
        en: 'The text "{quote}" agrees with {what}',
      },
    },
  },
  check(ctx) {
    const en = ctx.locale === 'en';
    const describe = (alt: Alternative) =>
      alt.label ? (en ? alt.label.en : alt.label.zh) : ctx.label(alt.cells[0]!);
    for (const number of SECTIONS_READ) {
      const text = sectionText(ctx.report, number);
      if (!text) continue;
      const statements = statementsIn(text);
      if (statements.length > MAX_STATEMENTS) {
        ctx.flag({
          cells: [sectionPath(number)],
          messageId: 'tooMany',
          severity: 'info',
          params: { count: MAX_STATEMENTS },
          key: `${number}:tooMany`,
        });
      }
      for (const statement of statements.slice(0, MAX_STATEMENTS)) {
        const key = `${number}:${statement.topic}:${statement.value}:${statement.quote}`;
        const base = { quote: statement.quote, value: statement.value };
        if (statement.topic === 'unknown') {
          ctx.flag({
            cells: [sectionPath(number)],
            messageId: 'unknown',
            severity: 'info',
            params: base,
            key,
          });
          continue;
        }
        const alternatives = withRowSums(TOPIC_CELLS[statement.topic], ctx, describe, en);
        const primary = alternatives[0]!;
        const values = alternatives.map((alt) => alt.cells.map((c) => ctx.cell(c)));
        if (values.every((v) => v.some((x) => x === undefined))) {
          ctx.flag({
            cells: [primary.cells[0]!, sectionPath(number)],
            messageId: 'noTable',
            severity: 'info',
            params: { ...base, what: describe(primary) },
            key,
          });
          continue;
        }
        // Blank cells count as 0 (CELL-BLANK reports them), as in the arithmetic
        // rules; but an alternative that is blank throughout is weaker evidence
        // than the row sums standing beside it.
        const sums = values.map((v) =>
          v.some((x) => x === undefined) ? undefined : v.reduce<number>((s, x) => s + (x ?? 0), 0),
        );
        const blank = values.map((v) => v.every((x) => x === null));
        const order = [...sums.keys()].sort((a, b) => Number(blank[a]) - Number(blank[b]));
        const hit = order.find((i) => sums[i] === statement.value);
        if (hit !== undefined) {
          ctx.pass({
            cells: alternatives[hit]!.cells,
            messageId: 'matched',
            params: { ...base, what: describe(alternatives[hit]!) },
          });
          continue;
        }
        const best = order.find((i) => sums[i] !== undefined)!;
        const expected = sums[best]!;
        const alt = alternatives[best]!;
        // Neither side is "expected": the text and the table disagree, and the
        // message names both. Only a clause that names the cell's quantity itself
        // makes it a warning.
        ctx.flag({
          cells: [...alt.cells, sectionPath(number)],
          params: { ...base, table: expected, what: describe(alt), cell: describe(alt) },
          ...(statement.certain ? {} : { messageId: 'uncertain', severity: 'info' as const }),
          key,
        });
      }
    }
  },
};

const APPLICANTS = [
  'naturalPerson',
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'otherOrg',
];

/**
 * When the 总计 column of table 三 is left blank (as sh-gov-office-2019 does on
 * every result row), the rows' applicant cells still say what the total is:
 * add their sum as a further alternative, named as such.
 */
function withRowSums(
  alternatives: Alternative[],
  ctx: RuleContext,
  describe: (alt: Alternative) => string,
  en: boolean,
): Alternative[] {
  const out = [...alternatives];
  for (const alt of alternatives) {
    const totals = alt.cells.every((c) => c.startsWith('applications.') && c.endsWith('.total'));
    if (!totals || !alt.cells.every((c) => ctx.cell(c) === null)) continue;
    const cells = alt.cells.flatMap((c) => APPLICANTS.map((k) => c.replace(/\.total$/, `.${k}`)));
    if (cells.every((c) => ctx.cell(c) === null || ctx.cell(c) === undefined)) continue;
    const name = describe(alt);
    out.push({
      cells,
      label: en
        ? { zh: '', en: `${name} (its total column is blank: the sum of the applicant columns)` }
        : { zh: `${name}（总计栏空白，按各申请人列之和）`, en: '' },
    });
  }
  return out;
}

export default rule;
