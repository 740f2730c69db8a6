import { type Provenance, type Report, ReportSchema } from '@nianbao/schema';

/** What can travel as JSON into the form: a report, or a report with the extractor's provenance. */
export interface ReportPayload {
  report: Report;
  provenance?: Provenance;
  /** Where it came from (a page URL or a file name), shown to the user. */
  source?: string;
}

export type ParsedPayload = { ok: true; payload: ReportPayload } | { ok: false; error: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isProvenance(v: unknown): v is Provenance {
  return isRecord(v) && isRecord(v.cells);
}

/**
 * Reads a report from JSON text: either a bare report (what the form exports and
 * the API accepts) or `{ report, provenance?, source? }` (what the extension hands over).
 */
export function parseReportJson(text: string): ParsedPayload {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `JSON: ${(error as Error).message}` };
  }
  return parseReportData(data);
}

export function parseReportData(data: unknown): ParsedPayload {
  const wrapped = isRecord(data) && 'report' in data && !('format' in data);
  const candidate = wrapped ? data.report : data;
  const result = ReportSchema.safeParse(candidate);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    return { ok: false, error: `${where}: ${issue?.message ?? 'invalid report'}` };
  }
  const payload: ReportPayload = { report: result.data };
  if (wrapped && isProvenance(data.provenance)) payload.provenance = data.provenance;
  if (wrapped && typeof data.source === 'string') payload.source = data.source;
  return { ok: true, payload };
}

/** The report as JSON, validated against the schema (it throws on a report the schema refuses). */
export function reportToJson(report: Report): string {
  return `${JSON.stringify(ReportSchema.parse(report), null, 2)}\n`;
}
