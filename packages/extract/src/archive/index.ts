/**
 * Archive limits shared by every reader that inflates (.docx now, PDF and .doc
 * next): see limits.ts. `safeDocx` is the .docx door: read under the limits,
 * re-packed stored for mammoth.
 */
export * from './limits.ts';
export { type RawInflate, readZip, writeStoredZip, type ZipEntry, ZipFormatError } from './zip.ts';

import type { ArchiveLimits } from './limits.ts';
import { type RawInflate, readZip, writeStoredZip } from './zip.ts';

/** The .docx's entries inflated under the limits, as a stored zip mammoth reads without inflating. */
export async function safeDocx(
  bytes: Uint8Array,
  inflate: RawInflate,
  limits?: Partial<ArchiveLimits>,
): Promise<Uint8Array> {
  return writeStoredZip(await readZip(bytes, inflate, limits));
}
