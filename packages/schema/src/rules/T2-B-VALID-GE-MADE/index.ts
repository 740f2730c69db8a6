import type { Rule } from '../../core/types.ts';

const ROWS = ['regulations', 'normativeDocuments'] as const;

/** 2021 format, 第二十条第（一）项: 现行有效件数 < 本年制发件数 − 本年废止件数 is unusual. */
const rule: Rule = {
  meta: {
    id: 'T2-B-VALID-GE-MADE',
    severity: 'info',
    inferred: true,
    formats: ['2021'],
    tags: ['arithmetic', 'activeDisclosure'],
    docs: {
      zh: '2021 版表二第（一）项：「现行有效件数」小于「本年制发件数」减「本年废止件数」，少见',
      en: '2021 table 2 item (1): "currently in force" below "issued this year" minus "repealed this year" is unusual',
    },
    basis: '本年制发且未废止的文件通常仍现行有效（spec §6.3，[I]）',
    messages: {
      default: {
        zh: '{row}：「现行有效件数」为{actual}，小于本年制发减本年废止的{expected}件，请核实',
        en: '{row}: "currently in force" is {actual}, less than issued minus repealed this year ({expected}); please verify',
      },
    },
  },
  check(ctx) {
    for (const row of ROWS) {
      const path = `activeDisclosure.${row}`;
      const issued = ctx.cell(`${path}.issued`);
      const repealed = ctx.cell(`${path}.repealed`);
      const valid = ctx.cell(`${path}.valid`);
      // Blank cells count as 0 (spec §6 conventions); an absent row is the SHAPE rules' business.
      if (issued === undefined || valid === undefined) continue;
      const floor = (issued ?? 0) - (repealed ?? 0);
      if ((valid ?? 0) >= floor) continue;
      ctx.flag({
        cells: [`${path}.valid`, `${path}.issued`, `${path}.repealed`],
        expected: floor,
        actual: valid ?? 0,
        params: { row: ctx.label(path) },
      });
    }
  },
};

export default rule;
