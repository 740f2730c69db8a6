/**
 * A small bounded cache for pure functions of a string. The form re-checks on
 * every keystroke while most texts and labels stay the same, so the text rules
 * keep their last readings instead of re-running regular expressions.
 */
export function memoByString<T>(fn: (text: string) => T, size = 256): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = fn(text);
    if (cache.size >= size) cache.delete(cache.keys().next().value!);
    cache.set(text, value);
    return value;
  };
}
