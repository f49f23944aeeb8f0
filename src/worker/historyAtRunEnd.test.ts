import { describe, expect, it } from 'vitest';
import { queuedPageSession, snapshotDigest } from './testing';
import { DEFAULT_ENV } from '../protocol/environment';
import type { FromWorker } from '../protocol/messages';
import type { LayerHistory } from './layerHistory';
import { Session } from './session';

/**
 * The page's run (`start(…, history = true)`) writes the allocator layers' history in its idle time
 * once the first run has ended, before any landing inside a statement asks for it: a timeline click
 * or the first step in the fine mode then draws its views from the history. The comparison's columns
 * (history false) write none. Whatever the writer has done when a landing comes, the landing is the
 * state a fresh process has at that event.
 */

type Snap = Extract<FromWorker, { type: 'snapshot' }>;
type Inner = { run: { history: LayerHistory | null; writer: unknown } };

const SOURCE = `class Node:
    def __init__(self, v):
        self.v = v
        self.kids = [v] * 4
nodes = [Node(i) for i in range(400)]
big = [bytes(150000) for _ in range(4)]
d = {i: str(i) * 5 for i in range(600)}
del nodes[::2]
del big
`;
const options = { tunables: {}, env: DEFAULT_ENV };

function fresh(event: number): string {
  const msgs: FromWorker[] = [];
  const s = new Session((m) => msgs.push(m));
  s.start(1, SOURCE, options, { statement: 0, event: null });
  msgs.length = 0;
  s.goto(1, 0, { statement: 0, event });
  const snap = msgs.find((m) => m.type === 'snapshot') as Snap;
  expect(snap.snapshot.event).toBe(event);
  return snapshotDigest(snap.snapshot);
}

/** A session as the page's worker runs it: background work queued, run when `idle(n)` says. */
function pageSession(history: boolean) {
  const { s, msgs, queue, done, idle } = queuedPageSession(SOURCE, history);
  const inner = (s as unknown as Inner).run;
  const land = (event: number): { types: string[]; digest: string } => {
    msgs.length = 0;
    s.goto(1, 1, { statement: 0, event });
    const snap = msgs.find((m) => m.type === 'snapshot') as Snap;
    const explained = msgs.find((m) => m.type === 'explained') as Extract<FromWorker, { type: 'explained' }>;
    return {
      types: msgs.map((m) => m.type).filter((t) => t !== 'progress'),
      digest: snapshotDigest({ ...snap.snapshot, explain: explained?.explain ?? snap.snapshot.explain }),
    };
  };
  return { done, idle, inner, land, queue };
}

describe('the allocator layers’ history written after the first run', () => {
  it('is written in the idle time before any landing, and serves the first landing exactly', () => {
    const p = pageSession(true);
    // the first run's end has started the writer, in background slices
    expect(p.inner.history).not.toBeNull();
    expect(p.queue.length).toBeGreaterThan(0);
    expect(p.idle()).toBeGreaterThan(0);
    expect(p.inner.history!.written).toBe(true);
    expect(p.inner.writer).toBeNull();
    const span = p.done.totalEvents - p.done.loadEvents;
    const target = p.done.loadEvents + Math.floor(span * 0.37);
    const l = p.land(target);
    expect(l.types).toEqual(['snapshot', 'explained']);
    // its views came from the history (no landing in the fine mode had started it)
    expect(p.inner.history!.served).toBe(1);
    expect(l.digest).toBe(fresh(target));
  }, 120_000);

  it('leaves a landing exact when it comes while the writer is half way', () => {
    const p = pageSession(true);
    // no idle time yet: the writer has not started its replay (a slice is 2^16 events: this script's
    // whole run), so the first landing is a replay; the second comes after one slice
    expect(p.inner.history!.written).toBe(false);
    const span = p.done.totalEvents - p.done.loadEvents;
    for (const f of [0.05, 0.8]) {
      const target = p.done.loadEvents + Math.floor(span * f);
      expect(p.land(target).digest, `at ${f}`).toBe(fresh(target));
      p.idle(1);
    }
  }, 120_000);

  it('is not written for a comparison column (history false)', () => {
    const p = pageSession(false);
    p.idle();
    expect(p.inner.history).toBeNull();
    expect(p.inner.writer ?? null).toBeNull();
  }, 60_000);
});
