/** Raw inflate for Node under an output limit: zlib stops as soon as the output passes it. */
import { inflateRawSync } from 'node:zlib';

export function inflateRawLimited(data: Uint8Array, limit: number): Uint8Array | undefined {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw error;
  }
}
