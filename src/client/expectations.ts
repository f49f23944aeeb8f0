/**
 * How many events a run will record, for the progress bar's percentage. The simulation is
 * deterministic, so a script run before in this browser (same text, same options) records exactly
 * as many events again: the count is remembered in localStorage under a hash of the run key. A run
 * never seen gives null (the bar then shows statements done and events so far, with no percentage).
 */
const STORE_KEY = 'highwater.expectedEvents.v1';
/** Runs remembered; the oldest are forgotten first (a few bytes each). */
const MAX_ENTRIES = 64;

/** FNV-1a over the key's UTF-16 units: a short, stable name for a script and its options. */
export function hashKey(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36) + key.length.toString(36);
}

function load(): [string, number][] {
  try {
    const raw = globalThis.localStorage?.getItem(STORE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed)
      ? parsed.filter(
          (e): e is [string, number] =>
            Array.isArray(e) && typeof e[0] === 'string' && Number.isSafeInteger(e[1]) && e[1] >= 0,
        )
      : [];
  } catch {
    return [];
  }
}

/** Shipped counts for the scenario library (runKey hash → events), set once by the page. */
let shipped = new Map<string, number>();
export function setShippedExpectations(m: Map<string, number>): void {
  shipped = m;
}

export function expectedEvents(runKey: string): number | null {
  const h = hashKey(runKey);
  const hit = load().find((e) => e[0] === h);
  return hit ? hit[1] : (shipped.get(h) ?? null);
}

export function rememberRun(runKey: string, events: number): void {
  const h = hashKey(runKey);
  const entries = load().filter((e) => e[0] !== h);
  entries.push([h, events]);
  try {
    globalThis.localStorage?.setItem(STORE_KEY, JSON.stringify(entries.slice(-MAX_ENTRIES)));
  } catch {
    // Storage full or disabled: the next run of this script shows no percentage, nothing else.
  }
}
