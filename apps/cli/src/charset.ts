/**
 * Decoding of saved or fetched pages. Order of evidence (as browsers do): the
 * HTTP header, a byte-order mark, a `<meta>` charset in the first bytes; then
 * UTF-8 if the bytes are valid UTF-8, else GB18030 (a superset of GBK/GB2312,
 * what unlabelled Chinese government pages are written in).
 */

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const m = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase();
}

export function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  // ASCII view of the head is enough: the meta tag itself is ASCII in every charset we meet.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return META_CHARSET.exec(head)?.[1]?.toLowerCase();
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

export interface Decoded {
  text: string;
  charset: string;
}

/** Decodes bytes to text with the best charset evidence available. */
export function decodeBytes(bytes: Uint8Array, headerCharset?: string, html = true): Decoded {
  const declared = [headerCharset, bomCharset(bytes), html ? sniffMetaCharset(bytes) : undefined];
  for (const label of declared) {
    if (!label) continue;
    const decoder = decoderFor(label);
    if (decoder) return { text: decoder.decode(bytes), charset: decoder.encoding };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), charset: 'gb18030' };
  }
}
