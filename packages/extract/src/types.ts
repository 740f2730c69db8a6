/**
 * The public contract of @nianbao/extract. The CLI, the API, the web form and
 * the extension code against these types: change them only compatibly.
 */
import type { Finding, Format, Locale, Provenance, Report } from '@nianbao/schema';

/** What `extract` accepts. Strings are sniffed (HTML vs text); bytes are sniffed (docx zip vs HTML vs text). */
export type ExtractInput =
  | { kind: 'dom'; root: Document | Element }
  | { kind: 'html'; html: string | Uint8Array }
  | { kind: 'text'; text: string }
  | { kind: 'docx'; data: Uint8Array | ArrayBuffer };

export interface ExtractOptions {
  /** Page address: used for the publication date (last resort) and `meta.sourceUrl`. */
  url?: string;
  /** Language of diagnostic messages; zh-CN by default. */
  locale?: Locale;
  /** Force a format instead of detecting it from the signature labels. */
  format?: Format;
  /** Charset to use for byte input when the document declares none (default: sniff, then UTF-8). */
  charset?: string;
}

export interface ExtractResult {
  /** Always a schema-valid report; tables are absent (not zero) when not found. */
  report: Report;
  /** Raw cell texts, header texts and where each came from. */
  provenance: Provenance;
  /** Findings with `origin: "extraction"`: what we could not read or had to interpret. */
  diagnostics: Finding[];
  /** False when the document does not look like an annual report at all. */
  found: boolean;
}
