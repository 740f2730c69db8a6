/**
 * The public contract of @nianbao/extract. The CLI, the API, the web form and
 * the extension code against these types: change them only compatibly.
 */
import type { Finding, Format, Locale, Provenance, Report } from '@nianbao/schema';
import type { ReportPayload } from './door/payload.ts';

/**
 * What `extract` accepts. Bare strings and bytes go through the one door
 * (`sniffString` / `sniffDocument`, with `name` and `contentType` as hints);
 * `report` is a payload already read (a .json file, a hand-over).
 */
export type ExtractInput =
  | { kind: 'dom'; root: Document | Element }
  | { kind: 'html'; html: string | Uint8Array }
  | { kind: 'text'; text: string }
  | { kind: 'docx'; data: Uint8Array | ArrayBuffer }
  /** Bytes of any kind: the door decides, with `name`, `contentType` and `charset` as hints. */
  | { kind: 'bytes'; data: Uint8Array | ArrayBuffer }
  | { kind: 'report'; payload: ReportPayload };

export interface ExtractOptions {
  /** Page address: used for the publication date (last resort) and `meta.sourceUrl`. */
  url?: string;
  /** Language of diagnostic messages; zh-CN by default. */
  locale?: Locale;
  /** Force a format instead of detecting it from the signature labels. */
  format?: Format;
  /**
   * The charset the transport declared for byte input (an HTTP header): it
   * wins over the document's `<meta>`, a byte-order mark wins over it.
   */
  charset?: string;
  /** File name or URL path of byte input: its extension is a hint of the kind. */
  name?: string;
  /** Media type byte input came with (a hint of the kind; its charset is used too). */
  contentType?: string;
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
