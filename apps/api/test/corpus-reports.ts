/**
 * Real reports for the tests: the values read by hand from the corpus pages
 * (`<page>.values.json`) placed into the report model through the format templates.
 * Independent of @nianbao/extract, so /validate is tested on real numbers either way.
 */
import {
  blankReport,
  FORMATS,
  type Format,
  normalizeLabel,
  type Report,
  ReportSchema,
  setCell,
} from '@nianbao/schema';
import { corpusPath, readCorpus } from '../../../tests/corpus.ts';

export { corpusPath, readCorpus };

type Values = {
  format: Format;
  reportYear: number;
  agencyName: string;
  publishedAt: string;
  applications: Record<string, Array<number | null>>;
  appeals: Array<number | null> | null;
  activeDisclosure: Record<string, Array<number | string | null>>;
};

const toNumber = (v: number | string | null) =>
  typeof v === 'string' ? Number.parseFloat(v.replace(/[^\d.+-]/g, '')) : v;

/** The report of a corpus page, from its hand-read values. */
export function reportFromValues(page: string): Report {
  const values = JSON.parse(readCorpus(`pages/${page}.values.json`)) as Values;
  const t = FORMATS[values.format];
  let report: Report = blankReport(values.format, null);
  report = {
    ...report,
    meta: {
      agencyName: values.agencyName,
      reportYear: values.reportYear,
      publishedAt: values.publishedAt,
      publishedAtSource: 'page',
    },
  };
  const put = (cells: string[], row: Array<number | string | null>) =>
    cells.forEach((cell, i) => {
      report = setCell(report, cell, toNumber(row[i] ?? null));
    });
  const byLabel = new Map(t.applications.rows.map((r) => [normalizeLabel(r.label.zh), r]));
  for (const [label, row] of Object.entries(values.applications)) {
    const template = byLabel.get(normalizeLabel(label));
    if (template) put(template.cells, row);
  }
  if (values.appeals)
    put(
      t.appeals.rows.flatMap((r) => r.cells),
      values.appeals,
    );
  for (const [key, row] of Object.entries(values.activeDisclosure)) {
    const [caption, label] = key.split('/');
    const sub = t.activeDisclosure.subTables.find(
      (s) => normalizeLabel(s.caption.zh) === normalizeLabel(caption ?? ''),
    );
    const template = sub?.rows.find(
      (r) => normalizeLabel(r.label.zh) === normalizeLabel(label ?? ''),
    );
    if (template) put(template.cells, row);
  }
  return ReportSchema.parse(report);
}
