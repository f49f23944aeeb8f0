import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../protocol/messages';
import { Session } from './session';

/**
 * The fine mode stops a replay after any event, which can be inside an object's deallocation (its
 * contents freed, its own block not yet). Every position must still give a snapshot (audit §2: a
 * dict's teardown threw a JS TypeError that reached the user as a Python error on line 1).
 */
const TEARDOWNS = `d = {1: 2, 'a': [1, 2], 'b': {'c': (3, 4)}}
s = {1, 2, 3, 'x'}
fz = frozenset([1, 2])
t = (1, 'two', 3.0, [4])
l = [[i] * 3 for i in range(5)]
b = b'abc' * 100
ba = bytearray(5000)
f = [1.5, 2.5]
big = 10 ** 40
st = 'x' * 1000
def fn(x):
    return {x: [x]}
r = fn(3)
it = iter([1, 2, 3])
cyc = [1]
cyc.append(cyc)
import gc
del d
del s, fz
del t
del l
b = None
del ba, f, big, st
r = 0
del fn, it
del cyc
gc.collect()
`;
import { DEFAULT_ENV } from '../protocol/environment';

function run(source: string): {
  session: Session;
  msgs: FromWorker[];
  done: Extract<FromWorker, { type: 'runDone' }>;
} {
  const msgs: FromWorker[] = [];
  const session = new Session((m) => msgs.push(m));
  session.start(1, source, { tunables: {}, env: DEFAULT_ENV }, { statement: 0, event: null });
  const done = msgs.find((m) => m.type === 'runDone') as Extract<FromWorker, { type: 'runDone' }>;
  return { session, msgs, done };
}

describe('fine mode through deallocations', () => {
  it('shows every event of every teardown: a snapshot at the event asked, never a failure', () => {
    const { session, msgs, done } = run(TEARDOWNS);
    expect(done.error).toBeNull();
    // The deletions start after the 17 statements that build the objects.
    const from = done.statementEnd[16];
    expect(done.totalEvents - from).toBeGreaterThan(10);
    const stops = new Set<number>();
    for (let e = from; e <= done.totalEvents; e++) {
      msgs.length = 0;
      session.goto(1, e, { statement: 0, event: e });
      const failed = msgs.filter((m) => m.type === 'failed' || m.type === 'seekFailed');
      expect(failed, `event ${e}`).toEqual([]);
      const snap = msgs.find((m) => m.type === 'snapshot') as Extract<FromWorker, { type: 'snapshot' }>;
      // Nested events finish together: the position shown is the last stop at or before e, and
      // the snapshot is exactly there.
      expect(snap.position.event).toBeLessThanOrEqual(e);
      expect(snap.snapshot.event).toBe(snap.position.event);
      stops.add(snap.position.event!);
      // The owner lookup behind the selection panel walks the same half-torn objects.
      session.objects(1, 1000 + e, 0, 2 ** 53, { statement: 0, event: e });
      expect(msgs.filter((m) => m.type === 'seekFailed')).toEqual([]);
    }
    // Most events are places to stop; the others belong to a nested group.
    expect(stops.size).toBeGreaterThan((done.totalEvents - from) / 2);
  }, 120_000);

  it('steps back one event at a time from the end to the start of a statement, never in place', () => {
    const { session, msgs, done } = run('d = {i: [i] for i in range(40)}\ndel d\n');
    let at = done.totalEvents;
    const seen: number[] = [];
    while (at > done.statementEnd[0]) {
      msgs.length = 0;
      session.goto(1, at, { statement: 0, event: at - 1 }, 'down');
      const snap = msgs.find((m) => m.type === 'snapshot') as Extract<FromWorker, { type: 'snapshot' }>;
      expect(snap.position.event!).toBeLessThan(at);
      at = snap.position.event!;
      seen.push(at);
    }
    expect(at).toBe(done.statementEnd[0]);
    // And forward again with 'up': the same places.
    msgs.length = 0;
    session.goto(1, 1, { statement: 0, event: seen[seen.length - 1] + 1 }, 'up');
    const up = msgs.find((m) => m.type === 'snapshot') as Extract<FromWorker, { type: 'snapshot' }>;
    expect(seen).toContain(up.position.event);
  });

  it('says a deallocation is under way when the position stands inside one', () => {
    const { session, msgs, done } = run('a = [[0] * 10 for _ in range(1000)]\ndel a\n');
    msgs.length = 0;
    session.goto(1, 5, {
      statement: 1,
      event: Math.floor((done.statementEnd[0] + done.statementEnd[1]) / 2),
    });
    const snap = msgs.find((m) => m.type === 'snapshot') as Extract<FromWorker, { type: 'snapshot' }>;
    const text = snap.snapshot.explain.map((x) =>
      x.parts.map((p) => (typeof p === 'string' ? p : p.text)).join(''),
    );
    expect(text.join('\n')).toMatch(
      /^a \(a list of 1,000 items\) is being deallocated: its reference count reached 0/m,
    );
    expect(text.join(' ')).not.toMatch(/still has 0 references/);
  });

  it('a failure at one position is reported for that position, not as the script’s error', () => {
    const { session, msgs, done } = run('x = [[i] for i in range(50)]\ndel x\n');
    // the landings helper (landings.ts) builds a position's snapshot
    const inner = (session as unknown as { landings: { snapshotAt: (...a: unknown[]) => unknown } }).landings;
    const real = inner.snapshotAt;
    inner.snapshotAt = () => {
      throw new TypeError('boom');
    };
    msgs.length = 0;
    session.goto(1, 7, { statement: 0, event: done.statementEnd[0] + 20 });
    inner.snapshotAt = real;
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({
      type: 'seekFailed',
      reqId: 7,
      error: { kind: 'engine', pyType: 'InternalError' },
    });
    expect((msgs[0] as { error: { message: string } }).error.message).toMatch(
      /^internal error in Highwater while showing event [\d,]+ \(line 2\): TypeError: boom$/,
    );
  });
});
