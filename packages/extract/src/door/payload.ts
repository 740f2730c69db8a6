/**
 * The `{ report, provenance?, source? }` payload: what the extractor hands
 * out, what the form imports and exports, what the extension hands over and
 * what the CLI reads from a .json file. A bare report is a payload too.
 */
import { type Provenance, type Report, ReportSchema } from '@nianbao/schema';

export interface ReportPayload {
  report: Report;
  provenance?: Provenance;
  /** Where it came from (a page URL or a file name), shown to the user. */
  source?: string;
}

export type ParsedPayload =
  | { ok: true; payload: ReportPayload }
  | { ok: false; error: string; where: string; reason: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A payload wraps the report in `report`; a bare report has `format` at the top. */
export function isWrappedPayload(data: unknown): data is Record<string, unknown> {
  return isRecord(data) && 'report' in data && !('format' in data);
}

/** Validates parsed JSON as a report or a wrapped payload. */
export function parseReportPayload(data: unknown): ParsedPayload {
  const wrapped = isWrappedPayload(data);
  const candidate = wrapped ? data.report : data;
  const result = ReportSchema.safeParse(candidate);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    const reason = issue?.message ?? 'invalid report';
    return { ok: false, error: `${where}: ${reason}`, where, reason };
  }
  const payload: ReportPayload = { report: result.data };
  if (wrapped && isRecord(data.provenance) && isRecord(data.provenance.cells))
    payload.provenance = data.provenance as unknown as Provenance;
  if (wrapped && typeof data.source === 'string') payload.source = data.source;
  return { ok: true, payload };
}

/** JSON text (a BOM allowed) → a validated payload. */
export function parseReportPayloadText(text: string): ParsedPayload {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = (error as Error).message;
    return { ok: false, error: `JSON: ${reason}`, where: 'JSON', reason };
  }
  return parseReportPayload(data);
}
