/**
 * Input sniffing shared by the Node and browser entries: bytes → text
 * (BOM, <meta charset>, http-equiv, GBK/GB2312/GB18030 via TextDecoder),
 * HTML vs text vs report JSON vs .docx, and the source-line annotation that
 * gives HTML-string cells a line number.
 */
import { type Report, ReportSchema } from '@nianbao/schema';

export type Sniffed =
  | { kind: 'docx'; data: Uint8Array }
  | { kind: 'html'; html: string }
  | { kind: 'text'; text: string }
  | { kind: 'report'; report: Report }
  | { kind: 'empty' }
  | { kind: 'binary'; reason: string };

/** Bytes read at most from one input (5 MB pages are fine; 50 MB is not a report). */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

function safeDecoder(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

/** The charset a document declares in its first bytes, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}

/** Decodes bytes: BOM first, then the declared charset, then the caller's, then UTF-8, then GB18030. */
export function decodeBytes(bytes: Uint8Array, fallback?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const declared = declaredCharset(bytes);
  const byLabel = (declared && safeDecoder(declared)) || (fallback && safeDecoder(fallback));
  if (byLabel) return byLabel.decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Share of characters that no text holds (controls, replacement characters). */
function junkRatio(text: string): number {
  const sample = text.slice(0, 20000);
  if (!sample) return 0;
  let junk = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) junk++;
  }
  return junk / sample.length;
}

export function looksLikeHtml(text: string): boolean {
  return (
    /<(?:!doctype|html|head|body|table|tr|td|p|div|span|meta|br|article|section)\b/i.test(
      text.slice(0, 5000),
    ) || /<table\b/i.test(text)
  );
}

function asReportJson(text: string): Report | undefined {
  const t = text.trim();
  if (!t.startsWith('{') || t.length > MAX_INPUT_BYTES) return undefined;
  try {
    const parsed = ReportSchema.safeParse(JSON.parse(t));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function sniffString(text: string): Sniffed {
  if (text.trim() === '') return { kind: 'empty' };
  if (junkRatio(text) > 0.1) return { kind: 'binary', reason: 'control characters' };
  const report = asReportJson(text);
  if (report) return { kind: 'report', report };
  return looksLikeHtml(text) ? { kind: 'html', html: text } : { kind: 'text', text };
}

export function sniffBytes(bytes: Uint8Array, charset?: string): Sniffed {
  if (bytes.length === 0) return { kind: 'empty' };
  if (isZip(bytes)) return { kind: 'docx', data: bytes };
  return sniffString(decodeBytes(bytes, charset));
}

/**
 * Marks every `<td>`/`<th>` start tag with its 1-based source line, so cells
 * parsed by a DOM library that tracks no positions still say where they are.
 */
export function annotateSourceLines(html: string): string {
  let line = 1;
  let last = 0;
  return html.replace(/<(td|th)(?=[\s>/])/gi, (_m, tag: string, offset: number) => {
    for (let i = last; i < offset; i++) if (html.charCodeAt(i) === 10) line++;
    last = offset;
    return `<${tag} data-nb-line="${line}"`;
  });
}

/**
 * Drops what a DOM library would parse for nothing: scripts, styles and
 * comments (portal pages carry 80–200 K characters of them around the report).
 * An HTML parser ends a script at the first `</script`, and so does this.
 */
export function stripInert(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '');
}
