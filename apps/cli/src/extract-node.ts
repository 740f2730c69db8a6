/**
 * The one place the CLI calls @nianbao/extract (its Node entry: linkedom for
 * HTML, mammoth for .docx). Kept behind this module so the pipeline can be
 * tested on report JSON alone and the extractor swapped in one line.
 */
import type { ExtractInput, ExtractOptions, ExtractResult } from '@nianbao/extract';
import type { Sniffed } from '@nianbao/extract/door';
import { extractAll } from '@nianbao/extract/node';

export type { ExtractInput, ExtractOptions, ExtractResult };

/** Every report of a document (a page can hold several); never throws by contract. */
export function extractAllFrom(
  input: ExtractInput | Sniffed,
  options: ExtractOptions,
): Promise<ExtractResult[]> {
  return extractAll(input, options);
}
