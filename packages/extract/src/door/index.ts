/**
 * @nianbao/extract/door — the one way documents come in, for every surface:
 * what a document is (`sniffDocument`), how its bytes decode
 * (`decodeDocument`: BOM, then the transport's charset, then `<meta>`, then
 * sniffing), the `{ report, provenance, source }` payload, and the extension →
 * form hand-over. The apps keep only what is their own (media types, pickers).
 */
export {
  type CharsetEvidence,
  charsetFromContentType,
  type Decoded,
  declaredCharset,
  decodeDocument,
  isKnownCharset,
} from './charset.ts';
export { base64url, decodeHandOver, encodeHandOver, hasHandOver } from './hand-over.ts';
export {
  type DocumentHints,
  looksLikeHtml,
  type Sniffed,
  sniffDocument,
  sniffString,
} from './kind.ts';
export {
  isWrappedPayload,
  type ParsedPayload,
  parseReportPayload,
  parseReportPayloadText,
  type ReportPayload,
} from './payload.ts';
