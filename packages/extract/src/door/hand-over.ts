/**
 * The hand-over from the extension to the web form: the payload as
 * `#import=<base64url of UTF-8 JSON>` in the form's address. A hash never
 * reaches a server, so the report stays on the machine. Encoding needs no
 * schema (the extension's bundle stays small); decoding validates.
 */
import { type ParsedPayload, parseReportPayload, type ReportPayload } from './payload.ts';

const PREFIX = '#import=';

/** Base64url (RFC 4648 §5, no padding) of bytes. */
function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padding optional) → bytes. */
function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Base64url of a string's UTF-8 bytes. */
export function base64url(text: string): string {
  return toBase64Url(new TextEncoder().encode(text));
}

/** The hash (with `#`) that hands `payload` to the form. */
export function encodeHandOver(payload: ReportPayload): string {
  return PREFIX + base64url(JSON.stringify(payload));
}

/** True when the location hash carries a hand-over. */
export function hasHandOver(hash: string): boolean {
  return hash.startsWith(PREFIX);
}

/** Reads a hand-over hash back into a validated payload. */
export function decodeHandOver(hash: string): ParsedPayload {
  const fail = (reason: string): ParsedPayload => ({
    ok: false,
    error: reason,
    where: '#import=',
    reason,
  });
  if (!hasHandOver(hash)) return fail('no #import= in the address');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(
      fromBase64Url(decodeURIComponent(hash.slice(PREFIX.length))),
    );
  } catch {
    return fail('the #import= data is not base64url-encoded UTF-8');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`JSON: ${(error as Error).message}`);
  }
  return parseReportPayload(data);
}
