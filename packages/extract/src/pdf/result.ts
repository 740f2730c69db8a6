/**
 * After the DOM reader read a PDF's HTML: every cell and label says the page
 * and box it was printed at instead of a line of HTML nobody has seen, and the
 * publication date is dropped — a PDF on its own does not state one (its
 * creation date and the date under its signature are not when it was
 * published), so DL-DATE-MISSING follows unless the page linking it says.
 */
import type { SourceLocation } from '@nianbao/schema';
import type { ExtractResult } from '../types.ts';
import type { PdfPlace } from './layout.ts';

function place(location: SourceLocation | undefined, places: Map<number, PdfPlace>) {
  if (!location || location.line === undefined) return location;
  const at = places.get(location.line);
  const { line: _line, lineColumn: _column, ...rest } = location;
  return at ? { ...rest, page: at.page, box: at.box } : rest;
}

export function placePdfResults(
  results: ExtractResult[],
  places: Map<number, PdfPlace>,
): ExtractResult[] {
  for (const r of results) {
    for (const cell of Object.values(r.provenance.cells)) {
      const location = place(cell.location, places);
      if (location) cell.location = location;
      else delete cell.location;
    }
    for (const label of r.provenance.labels ?? []) {
      const location = place(label.location, places);
      if (location) label.location = location;
      else delete label.location;
    }
    fullerAgencyName(r);
    delete r.report.meta.publishedAt;
    delete r.report.meta.publishedAtSource;
  }
  return results;
}

/**
 * A PDF's title often names the agency short (洪泽区人民政府) where its first
 * sentence names it in full (本报告由淮安市洪泽区人民政府办公室根据…): the
 * fuller name is taken when it ends with the title's.
 */
function fullerAgencyName(r: ExtractResult): void {
  const name = r.report.meta.agencyName;
  if (!name) return;
  const m = /本报告由\s*([\p{Script=Han}（）()]{2,40}?)(?:办公室|办公厅)?(?:根据|依据|按照)/u.exec(
    (r.report.preamble ?? '').slice(0, 300),
  );
  const full = m?.[1];
  if (full && full.length > name.length && full.endsWith(name)) r.report.meta.agencyName = full;
}
