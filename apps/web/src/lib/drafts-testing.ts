/**
 * A Storage with a size limit, as browsers have (about 5 million characters in
 * Chromium): a write past it throws the QuotaExceededError a browser throws.
 * For tests of a full storage.
 */
export class LimitedStorage implements Storage {
  private map = new Map<string, string>();
  constructor(public limit: number) {}
  /** Characters in use, keys included (what browsers count). */
  get used(): number {
    let n = 0;
    for (const [k, v] of this.map) n += k.length + v.length;
    return n;
  }
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    const old = this.map.get(key);
    const after =
      this.used - (old === undefined ? 0 : key.length + old.length) + key.length + value.length;
    if (after > this.limit) {
      throw new DOMException(
        `Setting the value of '${key}' exceeded the quota.`,
        'QuotaExceededError',
      );
    }
    this.map.set(key, value);
  }
  /** Fills what is left with filler items, to the last character. */
  fill(): void {
    let i = 0;
    let chunk = Math.max(1, this.limit - this.used);
    while (chunk >= 1) {
      try {
        this.setItem(`filler.${i}`, 'x'.repeat(chunk));
        i++;
      } catch {
        chunk = Math.floor(chunk / 2);
      }
    }
  }
}
