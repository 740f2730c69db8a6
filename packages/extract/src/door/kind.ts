/**
 * What a document is: the one place that decides, for every surface. Bytes
 * say it first (a zip, `%PDF-`, an OLE container), then the name and media
 * type the caller has, then the text itself. A .docx named .html is a .docx;
 * JSON is a report payload or an invalid one; plain text stays text.
 */
import { charsetFromContentType, decodeDocument } from './charset.ts';
import { type ParsedPayload, parseReportPayload, type ReportPayload } from './payload.ts';

/** What the caller knows of a document besides its bytes. */
export interface DocumentHints {
  /** A file name or URL path: its extension is a hint. */
  name?: string;
  /** The media type it came with (HTTP, multipart part, file picker), charset included. */
  contentType?: string;
  /** A charset the transport declared, when not inside `contentType`. */
  charset?: string;
}

export type Sniffed =
  | { kind: 'docx'; data: Uint8Array }
  /** A PDF (`%PDF-` in its first KB): read from its text layer. */
  | { kind: 'pdf'; data: Uint8Array }
  /** A Word 97–2003 document (an OLE container named or typed .doc, or unnamed). */
  | { kind: 'doc'; data: Uint8Array }
  | { kind: 'html'; html: string }
  | { kind: 'text'; text: string }
  | { kind: 'report'; payload: ReportPayload }
  | { kind: 'empty' }
  | { kind: 'binary'; reason: string }
  /** A kind we recognise but do not read: `type` is what to call it (PDF, .doc, .xlsx…). */
  | { kind: 'unsupported'; type: string }
  | { kind: 'invalid-report'; where: string; reason: string };

type Hint = 'json' | 'text' | 'html' | 'docx' | undefined;

const UNSUPPORTED_EXTENSIONS: Record<string, string> = {
  pdf: 'PDF',
  doc: 'Word 97–2003（.doc）',
  wps: 'WPS 文字（.wps）',
  et: 'WPS 表格（.et）',
  xls: 'Excel（.xls）',
  xlsx: 'Excel（.xlsx）',
  ppt: 'PowerPoint（.ppt）',
  pptx: 'PowerPoint（.pptx）',
  ofd: 'OFD',
  zip: 'ZIP',
  rar: 'RAR',
  '7z': '7z',
};

function extensionOf(name: string | undefined): string | undefined {
  const path = (name ?? '').toLowerCase().replace(/[?#].*$/, '');
  return /\.([a-z0-9]+)$/.exec(path)?.[1];
}

function hintOf(hints: DocumentHints): Hint {
  const ext = extensionOf(hints.name);
  const type = (hints.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (ext === 'json' || type === 'application/json' || type.endsWith('+json')) return 'json';
  if (ext === 'docx' || type.includes('wordprocessingml')) return 'docx';
  if (ext === 'txt' || type === 'text/plain') return 'text';
  if (ext === 'html' || ext === 'htm' || ext === 'shtml' || type === 'text/html') return 'html';
  return undefined;
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);
const isZip = (b: Uint8Array) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]);
const isOle = (b: Uint8Array) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const isPdf = (b: Uint8Array) =>
  new TextDecoder('latin1').decode(b.subarray(0, 1024)).includes('%PDF-');

/** The kind that magic bytes alone decide, if any. */
function byMagic(bytes: Uint8Array, hints: DocumentHints): Sniffed | undefined {
  const ext = extensionOf(hints.name);
  const named = ext ? UNSUPPORTED_EXTENSIONS[ext] : undefined;
  if (isZip(bytes)) {
    // A zip is a .docx unless its name says it is another zip-based format.
    if (named && ext !== 'doc' && ext !== 'pdf') return { kind: 'unsupported', type: named };
    return { kind: 'docx', data: bytes };
  }
  if (isPdf(bytes)) return { kind: 'pdf', data: bytes };
  if (isOle(bytes)) {
    // An OLE container is a .doc unless its name says otherwise (.xls, .ppt, .wps, .et…).
    if (named && ext !== 'doc' && ext !== 'pdf') return { kind: 'unsupported', type: named };
    return { kind: 'doc', data: bytes };
  }
  return undefined;
}

/** Share of characters that no text holds (controls, replacement characters). */
function junkRatio(text: string): number {
  const sample = text.slice(0, 20000);
  if (!sample) return 0;
  let junk = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) junk++;
  }
  return junk / sample.length;
}

/** True when text is markup rather than a report's plain text. */
export function looksLikeHtml(text: string): boolean {
  return (
    /<(?:!doctype|html|head|body|table|tr|td|p|div|span|meta|br|article|section)\b/i.test(
      text.slice(0, 5000),
    ) || /<table\b/i.test(text)
  );
}

/** JSON object text → a payload or why it is none; undefined when the text is not JSON at all. */
function asJson(text: string): ParsedPayload | undefined {
  const t = text.trim();
  if (!t.startsWith('{')) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(t);
  } catch {
    return undefined;
  }
  return parseReportPayload(data);
}

/** Decoded text → its kind (`hint` from the name or media type). */
function sniffText(text: string, hint: Hint): Sniffed {
  if (text.trim() === '') return { kind: 'empty' };
  if (junkRatio(text) > 0.1) return { kind: 'binary', reason: 'control characters' };
  const json = asJson(text);
  if (json?.ok) return { kind: 'report', payload: json.payload };
  if (json && (hint === 'json' || hint === undefined || hint === 'text'))
    return { kind: 'invalid-report', where: json.where, reason: json.reason };
  if (hint === 'json') return { kind: 'invalid-report', where: 'JSON', reason: 'not valid JSON' };
  if (hint === 'text') return { kind: 'text', text };
  // Said to be HTML or nothing said: markup decides (text posted as text/html stays text).
  return looksLikeHtml(text) ? { kind: 'html', html: text } : { kind: 'text', text };
}

/** A string (pasted, or already decoded) → its kind. */
export function sniffString(text: string, hints: DocumentHints = {}): Sniffed {
  return sniffText(text.replace(/^\uFEFF/, ''), hintOf(hints));
}

/** A document's bytes → its kind, decoded where it is text. */
export function sniffDocument(bytes: Uint8Array, hints: DocumentHints = {}): Sniffed {
  if (bytes.length === 0) return { kind: 'empty' };
  const magic = byMagic(bytes, hints);
  if (magic) return magic;
  const hint = hintOf(hints);
  const header = hints.charset ?? charsetFromContentType(hints.contentType);
  const markup = hint !== 'text' && hint !== 'json';
  return sniffText(decodeDocument(bytes, header, markup).text, hint);
}
