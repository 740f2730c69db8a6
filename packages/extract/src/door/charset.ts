/**
 * Bytes → text, with one order of evidence for every surface (as browsers
 * decide): a byte-order mark, then the charset the transport declared (an HTTP
 * header, a multipart part's type), then a `<meta>` / XML declaration in the
 * first bytes, then sniffing: UTF-8 when the bytes are valid UTF-8, else
 * GB18030 (a superset of GBK/GB2312, what unlabelled Chinese pages and files
 * written on Chinese Windows are in). An unknown label is passed over.
 */

export type CharsetEvidence = 'bom' | 'header' | 'meta' | 'sniffed';

export interface Decoded {
  text: string;
  /** The WHATWG name of the encoding used, e.g. `utf-8`, `gbk`, `gb18030`. */
  charset: string;
  /** Which evidence decided. */
  from: CharsetEvidence;
}

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim());
  } catch {
    return undefined;
  }
}

/** True when `label` names an encoding this runtime can decode (`gbk`, `GB2312`, `utf-8`…). */
export function isKnownCharset(label: string): boolean {
  return decoderFor(label) !== undefined;
}

/** `text/html; charset=GBK` → `gbk`. */
export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase();
}

/** The charset a document declares in its first bytes (`<meta charset>`, http-equiv, `<?xml encoding>`). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  // An ASCII view of the head is enough: the declaration itself is ASCII in every charset we meet.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}

function bom(bytes: Uint8Array): { label: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { label: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * Decodes a document's bytes. `headerCharset` is what the transport said
 * (HTTP `Content-Type`, a file part's type); `markup` false skips the
 * `<meta>` look-up (plain text and JSON declare nothing inside).
 */
export function decodeDocument(bytes: Uint8Array, headerCharset?: string, markup = true): Decoded {
  const mark = bom(bytes);
  if (mark) {
    const decoder = new TextDecoder(mark.label);
    return {
      text: decoder.decode(bytes.subarray(mark.length)),
      charset: decoder.encoding,
      from: 'bom',
    };
  }
  const byHeader = decoderFor(headerCharset);
  if (byHeader) return { text: byHeader.decode(bytes), charset: byHeader.encoding, from: 'header' };
  const byMeta = markup ? decoderFor(declaredCharset(bytes)) : undefined;
  if (byMeta) return { text: byMeta.decode(bytes), charset: byMeta.encoding, from: 'meta' };
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      charset: 'utf-8',
      from: 'sniffed',
    };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), charset: 'gb18030', from: 'sniffed' };
  }
}
