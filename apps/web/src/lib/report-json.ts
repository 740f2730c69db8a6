import { type Report, ReportSchema } from '@nianbao/schema';

/** The report as JSON, validated against the schema (it throws on a report the schema refuses). */
export function reportToJson(report: Report): string {
  return `${JSON.stringify(ReportSchema.parse(report), null, 2)}\n`;
}
