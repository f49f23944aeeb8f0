import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { Snapshot } from '../engine/trace/snapshot';
import { DEFAULT_ENV } from '../protocol/environment';
import type { FromWorker } from '../protocol/messages';
import { Session } from './session';

/** Every field of a snapshot, typed arrays as their contents, in one digest (the landing tests' equality). */
export function snapshotDigest(s: Snapshot): string {
  const json = JSON.stringify(s, (_k, v: unknown) =>
    ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v,
  );
  return createHash('sha256').update(json).digest('hex');
}

/**
 * A session as the page's worker runs it (views first, the layers' history with small figures),
 * its background work queued and run when `idle(n)` says; `source` run to statement 6.
 */
export function queuedPageSession(source: string, history: boolean) {
  const queue: (() => void)[] = [];
  const msgs: FromWorker[] = [];
  const s = new Session((m) => msgs.push(m), {
    schedule: (w) => queue.push(w),
    viewsFirst: true,
    historyEvery: 1 << 10,
    historyStrict: true,
    historyBehind: 1 << 7,
  });
  s.start(1, source, { tunables: {}, env: DEFAULT_ENV }, { statement: 6, event: null }, history);
  const done = msgs.find((m) => m.type === 'runDone') as Extract<FromWorker, { type: 'runDone' }>;
  expect(done.error).toBeNull();
  const idle = (tasks = Infinity): number => {
    let n = 0;
    while (queue.length > 0 && n < tasks) {
      queue.shift()!();
      n++;
    }
    return n;
  };
  return { s, msgs, queue, done, idle };
}
