import { describe, expect, it } from 'vitest';
import { DEFAULT_ENV } from '../protocol/environment';
import type { FromWorker } from '../protocol/messages';
import type { Cursor } from './cursor';
import { Session } from './session';
import { snapshotDigest } from './testing';

/**
 * Replays parked along the run (anchors.ts): built in the idle time once the history is written, a
 * jump continues the nearest one before it (the snapshot equal to a fresh replay's), and the idle
 * time after the jump parks another. ~1.2 M events: a gap of 1/7 is more than a slice (2^16 events).
 */
const SOURCE = 'a = [[0] * 10 for _ in range(200000)]\nb = [str(i) for i in range(50000)]\ndel a\n';

type Inner = { run: { cursors: Cursor[]; statementEnd: number[]; loadEvents: number } };

function session(anchors?: number) {
  const msgs: FromWorker[] = [];
  const s = new Session((m) => msgs.push(m), { viewsFirst: true, anchors });
  s.start(1, SOURCE, { tunables: {}, env: DEFAULT_ENV }, { statement: 3, event: null }, true);
  const done = msgs.find((m) => m.type === 'runDone') as Extract<FromWorker, { type: 'runDone' }>;
  expect(done.error).toBeNull();
  let slices = 0;
  while (s.background()) slices++;
  return { s, msgs, inner: s as unknown as Inner, total: done.totalEvents, slices };
}

function landAt(s: Session, msgs: FromWorker[], event: number): Extract<FromWorker, { type: 'snapshot' }> {
  msgs.length = 0;
  s.goto(1, 7, { statement: 0, event });
  const snap = msgs.find((m) => m.type === 'snapshot') as Extract<FromWorker, { type: 'snapshot' }>;
  expect(snap, `a snapshot at ${event}`).toBeDefined();
  return snap;
}

describe('replays parked along the run', () => {
  it('leave no gap wider than 1.5/7 of the run before its unpausable end; a jump continues one', () => {
    const { s, msgs, inner, total } = session();
    const run = inner.run;
    const from = run.loadEvents;
    const gap = (total - from) / 7; // anchors.ts ANCHORS = 6
    // `del a` (the last statement, one C call freeing 200,000 lists) has no pause: no replay stands in it
    const delStart = run.statementEnd[1];
    const at = [from, ...run.cursors.filter((c) => !c.dead).map((c) => c.event)].sort((x, y) => x - y);
    expect(at.length).toBeGreaterThanOrEqual(4);
    for (let i = 0; i + 1 < at.length; i++)
      expect(at[i + 1] - at[i], `after ${at[i]}`).toBeLessThanOrEqual(1.5 * gap);
    expect(delStart - at[at.length - 1]).toBeLessThanOrEqual(1.5 * gap);
    expect(run.cursors.every((c) => c.done < 3)).toBe(true);
    const places = [0, 2 * gap + from];

    // a jump just past the second place continues the replay parked there
    const parked = run.cursors.filter((c) => !c.dead).map((c) => c.event);
    const near = Math.max(...parked.filter((e) => e < places[1]));
    const target = near + 5000;
    const before = run.cursors.length;
    const snap = landAt(s, msgs, target);
    expect(snap.snapshot.event).toBe(target);
    expect(run.cursors.length).toBe(before);
    expect(run.cursors.some((c) => c.event >= target && c.event < target + 1000)).toBe(true);
    expect(run.cursors.some((c) => c.event === near)).toBe(false);

    // the same state a replay from the start reaches
    const fresh = session(0);
    expect(fresh.inner.run.cursors).toHaveLength(0);
    const ref = landAt(fresh.s, fresh.msgs, target);
    expect(snapshotDigest(snap.snapshot)).toBe(snapshotDigest(ref.snapshot));

    // the idle time parks another where that one stood: again no gap that wide before `del a`
    while (s.background());
    const after = [from, ...run.cursors.filter((c) => !c.dead).map((c) => c.event)].sort((x, y) => x - y);
    for (let i = 0; i + 1 < after.length && after[i + 1] < delStart; i++)
      expect(after[i + 1] - after[i], `after ${after[i]}`).toBeLessThanOrEqual(1.5 * gap);
  }, 240_000);
});
