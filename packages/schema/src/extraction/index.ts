import { fingerprintOf } from '../core/fingerprint.ts';
import { formatMessage } from '../core/format-message.ts';
import type { Finding, Severity } from '../core/types.ts';
import type { Locale } from '../templates/types.ts';
import { EXTRACTION_DIAGNOSTICS, type ExtractionDiagnosticId } from './catalogue.ts';

export {
  EXTRACTION_DIAGNOSTICS,
  type ExtractionDiagnosticId,
  type ExtractionDiagnosticMeta,
} from './catalogue.ts';

export interface ExtractionIssue {
  cells?: string[];
  messageId?: string;
  params?: Record<string, string | number>;
  severity?: Severity;
  /** Extra discriminator for the fingerprint (e.g. the row label when no cell path exists). */
  key?: string;
}

/**
 * Builds the finding of an extraction diagnostic, in the requested locale.
 *
 * @example
 * extractionFinding('T4-SHAPE', { params: { actual: 16, raw: '0 0 …' } }, 'en')
 */
export function extractionFinding(
  id: ExtractionDiagnosticId,
  issue: ExtractionIssue = {},
  locale: Locale = 'zh-CN',
): Finding {
  const meta = EXTRACTION_DIAGNOSTICS[id];
  const messages = meta.messages as Record<string, { zh: string; en: string }>;
  const template = messages[issue.messageId ?? 'default'] ?? meta.messages.default;
  const cells = issue.cells ?? [];
  const params = issue.params ?? {};
  return {
    ruleId: meta.ruleId,
    severity: issue.severity ?? meta.severity,
    origin: 'extraction',
    message: formatMessage(template, locale, params),
    cells,
    fingerprint: fingerprintOf(meta.ruleId, cells, `extraction:${issue.key ?? ''}`),
    params,
  };
}
