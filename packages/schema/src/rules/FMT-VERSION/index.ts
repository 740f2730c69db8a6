import type { Provenance, Rule } from '../../core/types.ts';
import { normalizeLabel } from '../../tables/labels.ts';
import { FORMATS, formatForYear } from '../../templates/index.ts';

// The extractor's texts do not change while a report is re-checked: read them once.
const textsOf = new WeakMap<object, string[]>();

/** Every header and label text the extractor read, normalised, without repeats. */
function normalisedTexts(provenance: Provenance): string[] {
  const cached = textsOf.get(provenance.cells);
  if (cached) return cached;
  const raws = new Set<string>((provenance.labels ?? []).map((l) => l.raw));
  for (const c of Object.values(provenance.cells)) {
    if (c.header) raws.add(c.header);
    if (c.rowLabel) raws.add(c.rowLabel);
  }
  const texts = [...raws].map(normalizeLabel);
  textsOf.set(provenance.cells, texts);
  return texts;
}

/** Report years 2019–2020 use the 2019 trial format, 2021 on the 2021 format. */
const rule: Rule = {
  meta: {
    id: 'FMT-VERSION',
    severity: 'error',
    formats: ['2019', '2021'],
    tags: ['format-conformance'],
    docs: {
      zh: '2019—2020年度报告使用2019年试行格式，2021年度起使用2021年格式；2021年度起的报告中不应出现旧格式的标志性标签',
      en: 'Report years 2019–2020 use the 2019 trial format, 2021 on the 2021 format; no old-format labels from 2021 on',
    },
    basis:
      '国办公开办函〔2021〕30号取代〔2019〕60号试行格式（S1）；地方通知（S16）（spec §4、§6.1、§8）',
    messages: {
      default: {
        zh: '{year}年度报告应使用{expected}，实际使用的是{actual}',
        en: 'A report for {year} must use the {expected}; it uses the {actual}',
      },
      oldLabel: {
        zh: '{year}年度报告中出现旧格式（2019年试行格式）的标签「{label}」',
        en: 'The {year} report contains the old (2019 trial) format label "{label}"',
      },
      legacy: {
        zh: '{year}年度报告早于统一格式（2019年起），按旧条例编制，不在检查范围内',
        en: 'A report for {year} predates the unified formats (2019 on) and is out of scope',
      },
    },
  },
  applies: (ctx) => ctx.report.meta?.reportYear !== undefined,
  check(ctx) {
    const year = ctx.report.meta.reportYear!;
    const en = ctx.locale === 'en';
    const name = (f: '2019' | '2021') => (en ? FORMATS[f].notice.en : FORMATS[f].notice.zh);
    if (year < 2019) {
      ctx.flag({
        cells: ['meta.reportYear'],
        messageId: 'legacy',
        severity: 'info',
        params: { year },
      });
      return;
    }
    const expected = formatForYear(year);
    if (expected !== ctx.format) {
      ctx.flag({
        cells: ['meta.reportYear'],
        params: { year, expected: name(expected), actual: name(ctx.format) },
      });
      return;
    }
    if (expected !== '2021' || !ctx.provenance) return;
    // Old signature labels among what the extractor read (headers, labels).
    const seen = normalisedTexts(ctx.provenance);
    for (const label of FORMATS['2019'].signatureLabels) {
      const key = normalizeLabel(label);
      if (seen.some((text) => text.includes(key))) {
        ctx.flag({
          cells: ['activeDisclosure'],
          messageId: 'oldLabel',
          params: { year, label },
          key: label,
        });
      }
    }
  },
};

export default rule;
