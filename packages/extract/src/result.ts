/**
 * Puts the pieces together into a schema-valid `ExtractResult`.
 */
import {
  extractionFinding,
  type Finding,
  type Format,
  type Locale,
  type Meta,
  type Provenance,
  type Report,
  ReportSchema,
  type Section,
} from '@nianbao/schema';
import type { FormatChoice } from './format.ts';
import type { ExtractResult } from './types.ts';

export interface Pieces {
  format: Format;
  meta: Meta;
  preamble?: string;
  sections: Section[];
  tables: { activeDisclosure?: unknown; applications?: unknown; appeals?: unknown };
  provenance: Provenance;
  diagnostics: Finding[];
  found: boolean;
}

export function formatDiagnostics(
  choice: FormatChoice,
  locale: Locale,
  hasTables: boolean,
  reportYear?: number,
): Finding[] {
  const out: Finding[] = [];
  const { signatures } = choice.detection;
  if (signatures['2019'].length > 0 && signatures['2021'].length > 0) {
    out.push(
      extractionFinding(
        'EXTRACT-FORMAT-MIXED',
        {
          params: {
            labels: [...signatures['2019'], ...signatures['2021']].join('、'),
            format: choice.format,
          },
        },
        locale,
      ),
    );
  }
  if (hasTables && (choice.basis === 'year' || choice.basis === 'default')) {
    out.push(
      extractionFinding(
        'EXTRACT-FORMAT-ASSUMED',
        choice.basis === 'year' && reportYear
          ? { messageId: 'year', params: { format: choice.format, year: reportYear } }
          : { params: { format: choice.format } },
        locale,
      ),
    );
  }
  return out;
}

export function buildResult(p: Pieces): ExtractResult {
  const candidate: Record<string, unknown> = {
    format: p.format,
    meta: p.meta,
    sections: p.sections,
  };
  if (p.preamble) candidate.preamble = p.preamble;
  for (const key of ['activeDisclosure', 'applications', 'appeals'] as const) {
    if (p.tables[key] !== undefined) candidate[key] = p.tables[key];
  }
  let parsed = ReportSchema.safeParse(candidate);
  if (!parsed.success) {
    // Never hand out an invalid report: drop what does not validate (should not happen).
    for (const issue of parsed.error.issues) {
      const top = issue.path[0];
      if (typeof top === 'string' && top !== 'format') delete candidate[top];
    }
    parsed = ReportSchema.safeParse(candidate);
  }
  const report: Report = parsed.success
    ? parsed.data
    : ({ format: p.format, meta: {}, sections: [] } as Report);
  return { report, provenance: p.provenance, diagnostics: p.diagnostics, found: p.found };
}

export function notFound(
  id:
    | 'EXTRACT-NOT-A-REPORT'
    | 'EXTRACT-EMPTY'
    | 'EXTRACT-BINARY'
    | 'EXTRACT-DOCX-UNREADABLE'
    | 'EXTRACT-FAILED',
  locale: Locale,
  params: Record<string, string | number> = {},
  meta: Meta = {},
): ExtractResult {
  return {
    report: { format: '2021', meta, sections: [] } as Report,
    provenance: { cells: {}, labels: [], tableHeaders: {} },
    diagnostics: [extractionFinding(id, { params }, locale)],
    found: false,
  };
}
