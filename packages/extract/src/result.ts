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

/**
 * The result, built by construction: every value is a number or null, meta
 * fields are checked where they are read (years, ISO dates, enums). No zod at
 * run time here, so that the extension's page bundle stays small; the tests
 * validate every result against `ReportSchema` (including fast-check inputs).
 */
export function buildResult(p: Pieces): ExtractResult {
  const report: Record<string, unknown> = {
    format: p.format,
    meta: p.meta,
    sections: p.sections,
  };
  if (p.preamble) report.preamble = p.preamble;
  for (const key of ['activeDisclosure', 'applications', 'appeals'] as const) {
    if (p.tables[key] !== undefined) report[key] = p.tables[key];
  }
  return {
    report: report as Report,
    provenance: p.provenance,
    diagnostics: p.diagnostics,
    found: p.found,
  };
}

export function notFound(
  id:
    | 'EXTRACT-NOT-A-REPORT'
    | 'EXTRACT-EMPTY'
    | 'EXTRACT-BINARY'
    | 'EXTRACT-DOCX-UNREADABLE'
    | 'EXTRACT-DOC-UNREADABLE'
    | 'EXTRACT-PDF-NO-TEXT'
    | 'EXTRACT-PDF-ENCRYPTED'
    | 'EXTRACT-PDF-BROKEN'
    | 'EXTRACT-UNSUPPORTED'
    | 'EXTRACT-INVALID-REPORT'
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
