/**
 * Performance marks around the edit → check → render cycle, read by
 * bench/web/run.ts through Playwright:
 *   nb:check                   the check() call alone
 *   nb:keystroke-to-findings   keydown (event time) → findings and marks in the DOM
 *   nb:input-to-findings       the input (or paste) event → findings and marks in the DOM
 *   nb:keystroke-to-paint      keydown → the next frame after that
 * Under automation the key arrives as two messages (keydown, then the character),
 * which adds about a millisecond between keydown and input that a real keyboard
 * does not; the input-based figure is free of it.
 */
let lastKeyAt: number | undefined;
let lastInputAt: number | undefined;
let pendingSince: number | undefined;
let pendingInput: number | undefined;

if (typeof window !== 'undefined') {
  window.addEventListener('keydown', (e) => (lastKeyAt = e.timeStamp), { capture: true });
  for (const type of ['input', 'paste']) {
    window.addEventListener(type, (e) => (lastInputAt = e.timeStamp), { capture: true });
  }
}

const recent = (t: number | undefined, now: number) =>
  t !== undefined && now - t < 1000 ? t : now;

/** Called when an edit is dispatched: the cycle starts at the key that caused it. */
export function markEdit(): void {
  const now = performance.now();
  pendingSince = recent(lastKeyAt, now);
  pendingInput = recent(lastInputAt, now);
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
  const end = performance.now();
  pendingSince = undefined;
  performance.measure('nb:keystroke-to-findings', { start, end });
  if (pendingInput !== undefined)
    performance.measure('nb:input-to-findings', { start: pendingInput, end });
  pendingInput = undefined;
  requestAnimationFrame(() => {
    // The frame callback runs before paint; the task after it runs once the frame is out.
    setTimeout(() =>
      performance.measure('nb:keystroke-to-paint', { start, end: performance.now() }),
    );
  });
}
