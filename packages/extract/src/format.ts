/**
 * Format detection from the signature labels of spec §4.
 */
import { type Format, formatForYear } from '@nianbao/schema';
import { looseOf, signatureLabels } from './labels.ts';

export interface FormatDetection {
  /** The format the signature labels point to, or null when none was found. */
  format: Format | null;
  /** Signature labels found, per format. */
  signatures: Record<Format, string[]>;
}

/**
 * Detects the format from the text of the tables (or of the whole document).
 *
 * @example detectFormat('… 本年制发件数 本年废止件数 …').format // '2021'
 */
export function detectFormatFromText(text: string): FormatDetection {
  const loose = looseOf(text);
  const signatures: Record<Format, string[]> = { '2019': [], '2021': [] };
  for (const format of ['2019', '2021'] as const) {
    for (const s of signatureLabels(format)) {
      if (loose.includes(s.loose)) signatures[format].push(s.label);
    }
  }
  const a = signatures['2019'].length;
  const b = signatures['2021'].length;
  const format: Format | null = a === 0 && b === 0 ? null : a > b ? '2019' : '2021';
  return { format, signatures };
}

export interface FormatChoice {
  format: Format;
  /** Why: detected from labels, from the report year, the caller's option, or the default. */
  basis: 'labels' | 'year' | 'option' | 'default';
  detection: FormatDetection;
}

export function chooseFormat(
  tableText: string,
  reportYear: number | undefined,
  forced?: Format,
): FormatChoice {
  const detection = detectFormatFromText(tableText);
  if (forced) return { format: forced, basis: 'option', detection };
  if (detection.format) return { format: detection.format, basis: 'labels', detection };
  if (reportYear) return { format: formatForYear(reportYear), basis: 'year', detection };
  return { format: '2021', basis: 'default', detection };
}
