import type { Rule } from '../../core/types.ts';

const ROWS = ['regulations', 'normativeDocuments'] as const;

/** 2019 format, 第二十条第（一）项: 对外公开总数量 ≥ 本年新公开数量. */
const rule: Rule = {
  meta: {
    id: 'T2-A-PUBLIC-GE-NEW',
    severity: 'warning',
    inferred: true,
    formats: ['2019'],
    tags: ['arithmetic', 'activeDisclosure'],
    docs: {
      zh: '2019 版表二第（一）项：规章、规范性文件的「对外公开总数量」不应小于「本年新公开数量」',
      en: '2019 table 2 item (1): "total public" should not be less than "published this year" for rules and normative documents',
    },
    basis: '累计的对外公开总数量包含本年新公开的文件（spec §6.3，[I]）',
    messages: {
      default: {
        zh: '{row}：「对外公开总数量」为{actual}，小于「本年新公开数量」{expected}',
        en: '{row}: "total public" is {actual}, less than "published this year" ({expected})',
      },
    },
  },
  check(ctx) {
    for (const row of ROWS) {
      const path = `activeDisclosure.${row}`;
      const total = ctx.cell(`${path}.totalPublic`);
      const published = ctx.cell(`${path}.newlyPublished`);
      // Blank cells count as 0 (spec §6 conventions); an absent row is the SHAPE rules' business.
      if (total === undefined || published === undefined) continue;
      if ((total ?? 0) >= (published ?? 0)) continue;
      ctx.flag({
        cells: [`${path}.totalPublic`, `${path}.newlyPublished`],
        expected: published ?? 0,
        actual: total ?? 0,
        params: { row: ctx.label(path) },
      });
    }
  },
};

export default rule;
