/**
 * Growing inputs for the linearity meta-test and bench/schema: a report whose
 * every part a rule may read — sections (official, duplicated, stray), their
 * sub-headings and lists, the preamble, the title, last year's report and the
 * extractor's provenance — grows with `n`. Each call with a new `salt` gives
 * fresh strings, so the rules' small memo caches never answer from a previous run.
 */
import type { CheckOptions, Provenance, Report, Section } from '../src/index.ts';
import { cellInfo, cellPaths, getCell } from '../src/index.ts';
import { textReport } from '../src/text/fixtures.ts';
import { chineseNumeral } from '../src/text/ordinals.ts';

const HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

/** Text with `n` sub-headings of every level, a slip in one of every seven. */
function subText(n: number, salt: string): string {
  const lines: string[] = [];
  for (let i = 1; i <= n; i++) {
    const k = i % 7 === 0 ? i + 1 : i;
    lines.push(`（${chineseNumeral(((k - 1) % 99) + 1)}）工作${salt}第${i}项`);
    lines.push(
      `一是公开${i}条；三是解读；二是回应。1.甲 3.乙 2.丙。收取信息处理费0元，主动公开${i}条。`,
    );
  }
  return lines.join('\n');
}

/**
 * The six official headings then `n` more: duplicates, ordinals beyond 六 and
 * unnumbered strays (`shape: 'sections'`, many short sections), or the six
 * alone with `n` sub-headings each (`shape: 'text'`, few long sections).
 */
export function grownSections(n: number, shape: Shape = 'sections', salt = ''): Section[] {
  const per = shape === 'text' ? n : 1;
  const sections: Section[] = HEADINGS.map((h) => ({
    ordinal: h[0]!,
    heading: h.slice(2),
    text: subText(per, salt),
  }));
  for (let i = 0; shape === 'sections' && i < n; i++) {
    const h = HEADINGS[i % 6]!;
    // Short texts: the count of headings, not their text, is what grows here.
    const text = i % 2 === 0 ? `一是公开${i}条${salt}。` : '';
    sections.push(
      i % 3 === 0
        ? { ordinal: null, heading: `附件${salt}${i}`, text }
        : { ordinal: chineseNumeral((i % 12) + 1), heading: `${h.slice(2)}${salt}`, text },
    );
  }
  return sections;
}

/** Provenance with a raw text for every cell (blanks, units, thousands) and `n` labels. */
export function grownProvenance(report: Report, n: number, salt = ''): Provenance {
  const cells: Provenance['cells'] = {};
  let i = 0;
  for (const path of cellPaths(report.format)) {
    const info = cellInfo(report.format, path)!;
    const value = getCell(report, path);
    const raw = i++ % 5 === 0 ? '-' : value === null || value === undefined ? '' : `${value}件`;
    cells[path] = {
      raw,
      header:
        info.column.kind === 'money'
          ? `${info.column.label.zh}(单位:万元,保留4位小数)`
          : info.column.label.zh,
      rowLabel: info.row.label.zh,
    };
  }
  const labels: NonNullable<Provenance['labels']> = [];
  const paths = cellPaths(report.format);
  for (let k = 0; k < n; k++) {
    const path = paths[k % paths.length]!;
    const info = cellInfo(report.format, path)!;
    labels.push({
      kind: 'row',
      raw: `${info.row.label.zh}${k % 4 === 0 ? salt : ''}`,
      canonical: info.row.label.zh,
      path: path.split('.').slice(0, -1).join('.'),
    });
  }
  return {
    cells,
    labels,
    tableHeaders: {
      applications: `勾稽关系：第一项加第二项之和等于第三项加第四项之和${salt}`.repeat(
        Math.max(1, n / 50),
      ),
    },
    unread: paths.filter((_, k) => k % 9 === 0),
  };
}

export type Shape = 'sections' | 'text';

export interface Grown {
  report: Report;
  options: CheckOptions;
}

/** A report of `format` whose text parts (of `shape`), labels and headers grow with `n`. */
export function grownReport(
  format: '2019' | '2021',
  n: number,
  shape: Shape = 'sections',
  salt = '',
): Grown {
  const sections = grownSections(n, shape, salt);
  const report = textReport(format, {
    sections,
    preamble: `根据《中华人民共和国政府信息公开条例》${salt}，`.repeat(Math.max(1, n / 10)),
  });
  report.meta.title = `${report.meta.title}${salt}`.repeat(1 + Math.floor(n / 1000));
  const previous = textReport(format, { sections: grownSections(n, shape, salt) });
  previous.meta.reportYear = (report.meta.reportYear ?? 2023) - 1;
  return { report, options: { previous, provenance: grownProvenance(report, n, salt) } };
}
