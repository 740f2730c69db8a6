/**
 * Performance marks around the edit → check → render cycle, read by
 * bench/web/run.ts through Playwright:
 *   nb:check                   the check() call alone
 *   nb:keystroke-to-findings   keydown (event time) → findings and marks in the DOM
 *   nb:keystroke-to-paint      keydown → the next frame after that
 */
let lastKeyAt: number | undefined;
let pendingSince: number | undefined;

if (typeof window !== 'undefined') {
  window.addEventListener('keydown', (e) => (lastKeyAt = e.timeStamp), { capture: true });
}

/** Called when an edit is dispatched: the cycle starts at the key that caused it. */
export function markEdit(): void {
  const now = performance.now();
  pendingSince = lastKeyAt !== undefined && now - lastKeyAt < 1000 ? lastKeyAt : now;
}

export function timed<T>(name: string, run: () => T): T {
  const start = performance.now();
  try {
    return run();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}

/** Called once the findings of an edit are in the DOM. */
export function markRendered(): void {
  if (pendingSince === undefined) return;
  const start = pendingSince;
  pendingSince = undefined;
  performance.measure('nb:keystroke-to-findings', { start, end: performance.now() });
  requestAnimationFrame(() => {
    // The frame callback runs before paint; the task after it runs once the frame is out.
    setTimeout(() =>
      performance.measure('nb:keystroke-to-paint', { start, end: performance.now() }),
    );
  });
}
