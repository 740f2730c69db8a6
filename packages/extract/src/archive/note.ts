/** The reading note for a document past an archive limit: `EXTRACT-TOO-LARGE`, found: false. */
import { extractionFinding, type Locale, type Report } from '@nianbao/schema';
import type { ExtractResult } from '../types.ts';
import type { ArchiveLimitError } from './limits.ts';

export function tooLarge(error: ArchiveLimitError, locale: Locale): ExtractResult {
  const messageId = error.kind === 'total' ? 'default' : error.kind;
  return {
    report: { format: '2021', meta: {}, sections: [] } as unknown as Report,
    provenance: { cells: {}, labels: [], tableHeaders: {} },
    diagnostics: [
      extractionFinding('EXTRACT-TOO-LARGE', { messageId, params: error.params }, locale),
    ],
    found: false,
  };
}
