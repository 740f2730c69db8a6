import type { Rule } from '../../core/types.ts';

const ROWS = ['regulations', 'normativeDocuments'] as const;

/** 2019 format, 第二十条第（一）项: 本年新公开数量 > 本年新制作数量 is possible but unusual. */
const rule: Rule = {
  meta: {
    id: 'T2-A-NEW-LE-MADE',
    severity: 'info',
    inferred: true,
    formats: ['2019'],
    tags: ['arithmetic', 'activeDisclosure'],
    docs: {
      zh: '2019 版表二第（一）项：「本年新公开数量」大于「本年新制作数量」虽可能（公开往年制作的文件），但少见',
      en: '2019 table 2 item (1): "published this year" above "made this year" is possible (older documents) but unusual',
    },
    basis: '本年新公开的文件通常为本年新制作（spec §6.3，[I]）',
    messages: {
      default: {
        zh: '{row}：「本年新公开数量」{actual}大于「本年新制作数量」{expected}，请确认是否公开了往年制作的文件',
        en: '{row}: "published this year" ({actual}) exceeds "made this year" ({expected}); check whether older documents were published',
      },
    },
  },
  check(ctx) {
    for (const row of ROWS) {
      const path = `activeDisclosure.${row}`;
      const made = ctx.cell(`${path}.newlyMade`);
      const published = ctx.cell(`${path}.newlyPublished`);
      // Blank cells count as 0 (spec §6 conventions); an absent row is the SHAPE rules' business.
      if (made === undefined || published === undefined) continue;
      if ((published ?? 0) <= (made ?? 0)) continue;
      ctx.flag({
        cells: [`${path}.newlyPublished`, `${path}.newlyMade`],
        expected: made ?? 0,
        actual: published ?? 0,
        params: { row: ctx.label(path) },
      });
    }
  },
};

export default rule;
