/**
 * The seam to @nianbao/extract: the API reads documents only through this function,
 * so that tests can observe calls. The server uses the Node entry (HTML strings and
 * bytes via a server-side DOM, and .docx).
 */
import type { ExtractInput, ExtractOptions, ExtractResult } from '@nianbao/extract';
import { extractAll } from '@nianbao/extract/node';

export type { ExtractInput, ExtractOptions, ExtractResult };

/** Every report of a document (a page can hold several); `[notFound]` when there is none. */
export type Extractor = (
  input: ExtractInput,
  options: ExtractOptions,
) => ExtractResult[] | Promise<ExtractResult[]>;

export const nodeExtractor: Extractor = (input, options) => extractAll(input, options);
