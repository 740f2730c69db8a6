import { type ParsedPayload, parseReportData, type ReportPayload } from './report-json.ts';

const PREFIX = '#import=';

/** base64url (RFC 4648 §5, padding optional) → bytes. */
function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** True when the location hash carries a report handed over by the extension. */
export function hasImportHash(hash: string): boolean {
  return hash.startsWith(PREFIX);
}

/**
 * Reads `#import=<base64url of UTF-8 JSON { report, provenance?, source? }>`,
 * the hand-over from the extension.
 */
export function decodeImportHash(hash: string): ParsedPayload {
  if (!hasImportHash(hash)) return { ok: false, error: 'no #import= in the address' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(
      fromBase64Url(decodeURIComponent(hash.slice(PREFIX.length))),
    );
  } catch {
    return { ok: false, error: 'the #import= data is not base64url-encoded UTF-8' };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `JSON: ${(error as Error).message}` };
  }
  return parseReportData(data);
}

/** The hash that hands `payload` to the form (what the extension builds). */
export function encodeImportHash(payload: ReportPayload): string {
  return PREFIX + toBase64Url(new TextEncoder().encode(JSON.stringify(payload)));
}
