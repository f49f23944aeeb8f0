/**
 * The one owner of requestAnimationFrame. Views register a draw function under a key and ask for a
 * frame; all pending draws run in the next frame, once each, however often they were requested.
 * After a frame with nothing left pending, `settled` listeners run (the idle signal listens).
 */
type Draw = () => void;

const pending = new Map<string, Draw>();
const settledListeners = new Set<() => void>();
let scheduled = false;
/** The idle check's empty draw: a frame with only it drew no view, so it is not timed. */
export const IDLE_KEY = 'idle-check';
let lastFrameMs = 0;
/** Durations (ms) of the last frames that drew something: the benchmark reads them. */
const recent: number[] = [];

export function requestDraw(key: string, draw: Draw): void {
  pending.set(key, draw);
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(frame);
  }
}

function frame(): void {
  scheduled = false;
  const t0 = performance.now();
  const draws = [...pending.values()];
  const drewViews = pending.size > (pending.has(IDLE_KEY) ? 1 : 0);
  pending.clear();
  for (const d of draws) d();
  lastFrameMs = performance.now() - t0;
  if (drewViews) recent.push(lastFrameMs);
  if (recent.length > 600) recent.shift();
  if (pending.size === 0) for (const f of settledListeners) f();
}

export const framesPending = (): boolean => scheduled || pending.size > 0;
export const lastFrameDuration = (): number => lastFrameMs;
/** Take (and forget) the recorded frame durations. */
export const takeFrameTimes = (): number[] => recent.splice(0, recent.length);

export function onFrameSettled(f: () => void): () => void {
  settledListeners.add(f);
  return () => settledListeners.delete(f);
}
