/// <reference path="./word-extractor.d.ts" />
/**
 * A legacy Word 97–2003 .doc (OLE) → text for the text reader, through
 * word-extractor (Node only). Table cells come out separated by tabs (Word's
 * cell marks), one row after another, so the text reader reads a row's values
 * positionally between its label and the next, blanks included.
 */
import { Buffer } from 'node:buffer';

export async function docToText(data: Uint8Array): Promise<string> {
  const { default: WordExtractor } = await import('word-extractor');
  const doc = await new WordExtractor().extract(
    Buffer.from(data.buffer, data.byteOffset, data.byteLength),
  );
  return docBodyText(doc.getBody());
}

/** word-extractor's body text, made plain: cell marks as tabs, no-break and ideographic spaces folded. */
export function docBodyText(body: string): string {
  return body
    .replaceAll(String.fromCharCode(7), '\t')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0]/g, ' ');
}
