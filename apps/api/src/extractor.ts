/**
 * The seam to @nianbao/extract: the API reads documents only through this function,
 * so that tests can count calls and the server uses the Node entry (HTML bytes via a
 * server-side DOM, and .docx).
 */
import type {
  ExtractInput,
  ExtractOptions,
  ExtractResult,
} from '../../../packages/extract/src/types.ts';

export type { ExtractInput, ExtractOptions, ExtractResult };

export type Extractor = (
  input: ExtractInput,
  options: ExtractOptions,
) => ExtractResult | Promise<ExtractResult>;

export const nodeExtractor: Extractor = async () => {
  throw new Error('@nianbao/extract is not available yet');
};
