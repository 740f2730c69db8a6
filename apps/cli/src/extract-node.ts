/**
 * The one place the CLI calls @nianbao/extract. Interim: until the extractor's
 * Node entry point lands, documents other than report JSON are reported as
 * unreadable (code EXTRACT_UNAVAILABLE) instead of being guessed at.
 */
// Interim: the contract types until the package's index lands.
import type {
  ExtractInput,
  ExtractOptions,
  ExtractResult,
} from '../../../packages/extract/src/types.ts';

export type { ExtractInput, ExtractOptions, ExtractResult };

import { InputError } from './errors.ts';

export async function extractAllFrom(
  _input: ExtractInput,
  _options: ExtractOptions,
): Promise<ExtractResult[]> {
  throw new InputError(
    'EXTRACT_UNAVAILABLE',
    'the document extractor is not available in this build',
  );
}
