/** FNV-1a 32-bit twice (two seeds), as 16 hex digits: short, stable, dependency-free. */
export function fingerprintOf(ruleId: string, cells: readonly string[], key = ''): string {
  const text = [ruleId, ...cells, key].join('\u0000');
  return fnv(text, 0x811c9dc5) + fnv(text, 0x050c5d1f);
}

function fnv(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
