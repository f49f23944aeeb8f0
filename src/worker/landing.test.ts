import { describe, expect, it } from 'vitest';
import { snapshotDigest } from './testing';
import type { FromWorker } from '../protocol/messages';
import { DEFAULT_ENV } from '../protocol/environment';
import type { Cursor } from './cursor';
import { Session } from './session';

/**
 * Landings continue paused replays (cursor.ts) instead of re-running the script from its start.
 * Whatever order they come in, each must be exactly the state a fresh replay stopped at that event
 * has (the old way: a new process, run until the event, stopped there for good).
 */
const SCRIPT = `class Node:
    def __init__(self, v):
        self.v = v
        self.kids = []
def gen(n):
    for i in range(n):
        yield [i] * 3
roots = [Node(i) for i in range(300)]
for r in roots[:100]:
    r.kids.extend(gen(5))
d = {i: str(i) * 3 for i in range(500)}
try:
    raise ValueError('x' * 100)
except ValueError as e:
    msg = str(e)
s = ''
i = 0
while i < 300:
    s += 'ab'
    i += 1
big = [bytes(2000) for _ in range(200)]
del roots
del d, big
`;

type Inner = { run: { cursors: Cursor[]; statementEnd: number[] } };

function start(
  source: string,
  raises = false,
): { session: Session; msgs: FromWorker[]; inner: Inner; total: number } {
  const msgs: FromWorker[] = [];
  const session = new Session((m) => msgs.push(m));
  session.start(1, source, { tunables: {}, env: DEFAULT_ENV }, { statement: 0, event: null });
  const done = msgs.find((m) => m.type === 'runDone') as Extract<FromWorker, { type: 'runDone' }>;
  if (raises) expect(done.error).toMatchObject({ kind: 'runtime' });
  else expect(done.error).toBeNull();
  return { session, msgs, inner: session as unknown as Inner, total: done.totalEvents };
}

/**
 * The reference: a fresh session's first landing, i.e. a new process run from its start until the
 * allocator call that made event `event` returned, never paused before it.
 */
function fresh(source: string, event: number, raises = false): string {
  const { session, msgs } = start(source, raises);
  msgs.length = 0;
  session.goto(1, 0, { statement: 0, event });
  const snap = msgs.find((m) => m.type === 'snapshot') as Extract<FromWorker, { type: 'snapshot' }>;
  expect(snap.position.event).toBe(event);
  expect(snap.snapshot.event).toBe(event);
  return snapshotDigest(snap.snapshot);
}

describe('landings continue paused replays and equal a fresh replay', () => {
  it('forward, back, ±1, ±1,000 and jumps: every snapshot field equal to the fresh replay', () => {
    const { session, msgs, inner, total } = start(SCRIPT);
    const load = inner.run.statementEnd[0];
    const span = total - load;
    const targets = [
      load + Math.floor(span * 0.2),
      load + Math.floor(span * 0.2) + 1,
      load + Math.floor(span * 0.2) + 1000,
      load + Math.floor(span * 0.2) + 999,
      load + Math.floor(span * 0.6),
      load + Math.floor(span * 0.1),
      load + Math.floor(span * 0.9),
      total - 3,
      load + 5,
    ];
    for (const t of targets) {
      msgs.length = 0;
      session.goto(1, t, { statement: 0, event: t });
      const snap = msgs.find((m) => m.type === 'snapshot') as Extract<FromWorker, { type: 'snapshot' }>;
      expect(snap, `event ${t}`).toBeDefined();
      const at = snap.position.event!;
      expect(at).toBeLessThanOrEqual(t);
      expect(snap.snapshot.event).toBe(at);
      expect(snapshotDigest(snap.snapshot), `event ${at}`).toBe(fresh(SCRIPT, at));
    }
  }, 240_000);

  it('a landing ahead of the last one continues the same replay (no new process)', () => {
    const { session, msgs, inner } = start('a = [[0] * 10 for _ in range(20000)]\ndel a\n');
    const end = inner.run.statementEnd[1];
    const first = Math.floor(end * 0.3);
    session.goto(1, 1, { statement: 0, event: first });
    expect(inner.run.cursors).toHaveLength(1);
    const cursor = inner.run.cursors[0];
    // paused inside the comprehension, a little past the event shown
    expect(cursor.event).toBeGreaterThanOrEqual(first);
    expect(cursor.event).toBeLessThan(first + 100);
    for (const step of [1, 1000, 20000]) {
      const before = cursor.event;
      msgs.length = 0;
      session.goto(1, 2, { statement: 0, event: before + step });
      expect(msgs.some((m) => m.type === 'snapshot')).toBe(true);
      expect(inner.run.cursors).toEqual([cursor]);
      expect(cursor.event).toBeGreaterThanOrEqual(before + step);
    }
    // behind every kept replay: a new one
    session.goto(1, 3, { statement: 0, event: first });
    expect(inner.run.cursors).toHaveLength(2);
  }, 120_000);
});

describe('a script that ends in an uncaught exception', () => {
  // The exception is printed inside its statement (worker/pythonAdapter.ts `described`), and the
  // printing allocates: normalizing, the traceback objects, a __str__ written in Python building 200
  // characters. Every replay prints it too, so each of those events is a place a landing finds again.
  const RAISES = `class BadRow(Exception):
    def __str__(self):
        return "row " + "x" * 200
rows = [[i] * 5 for i in range(2000)]
def check(r):
    raise BadRow()
check(rows)
`;
  it('lands inside the printing as a fresh replay does, and ends where the first run ended', () => {
    const { session, msgs, inner, total } = start(RAISES, true);
    const ends = inner.run.statementEnd;
    const lastStart = ends[ends.length - 2];
    expect(total - lastStart).toBeGreaterThan(3);
    for (const t of [total - 1, total - 2, lastStart + 1]) {
      msgs.length = 0;
      session.goto(1, t, { statement: 0, event: t });
      const snap = msgs.find((m) => m.type === 'snapshot') as Extract<FromWorker, { type: 'snapshot' }>;
      const at = snap.position.event!;
      expect(at).toBeLessThanOrEqual(t);
      expect(snapshotDigest(snap.snapshot), `event ${at}`).toBe(fresh(RAISES, at, true));
    }
    const done = msgs.length;
    session.goto(1, 9, { statement: ends.length, event: null });
    const end = msgs.slice(done).find((m) => m.type === 'snapshot') as Extract<
      FromWorker,
      { type: 'snapshot' }
    >;
    expect(end.snapshot.event).toBe(total);
  }, 240_000);
});

describe('replays kept behind the position shown', () => {
  it('are brought there between requests, so a step back continues one instead of starting afresh', () => {
    // the page keeps them 2^13, 2^17 and 2^20 events back (spares.ts BEHIND); the same ladder at 1/32 of that here
    const ladder = [1 << 8, 1 << 12, 1 << 15];
    const source = 'a = [[0] * 10 for _ in range(10000)]\ndel a\n';
    const msgs: FromWorker[] = [];
    const session = new Session((m) => msgs.push(m), { behind: ladder });
    session.start(1, source, { tunables: {}, env: DEFAULT_ENV }, { statement: 0, event: null });
    const inner = session as unknown as Inner;
    const spares = (session as unknown as { spares: { step(): boolean } }).spares;
    const end = inner.run.statementEnd[0];
    const at = end - 10;
    session.goto(1, 1, { statement: 0, event: at });
    let slices = 0;
    while (spares.step()) slices++;
    expect(slices).toBeGreaterThan(0);
    // one replay stands just behind each distance (a pause is at most a few dozen events away here)
    const behind = inner.run.cursors.filter((c) => !c.dead && c.event < at).map((c) => at - c.event);
    for (const d of ladder) expect(behind.some((x) => x > d - 100 && x <= d)).toBe(true);
    for (const back of [1, 100, 3000, 20000]) {
      const target = at - back;
      const before = inner.run.cursors.length;
      msgs.length = 0;
      session.goto(1, 2, { statement: 0, event: target });
      const snap = msgs.find((m) => m.type === 'snapshot') as Extract<FromWorker, { type: 'snapshot' }>;
      expect(inner.run.cursors.length).toBe(before);
      expect(snap.snapshot.event).toBe(target);
      expect(snapshotDigest(snap.snapshot)).toBe(fresh(source, target));
      while (spares.step());
    }
  }, 120_000);
});

describe('views first, then sentences', () => {
  it('sends a landing’s views before its sentences, and the sentences are the ones the snapshot would carry', () => {
    const source = 'a = [[0] * 10 for _ in range(3000)]\ndel a\n';
    const msgs: FromWorker[] = [];
    const session = new Session((m) => msgs.push(m), { viewsFirst: true });
    session.start(1, source, { tunables: {}, env: DEFAULT_ENV }, { statement: 0, event: null });
    const done = msgs.find((m) => m.type === 'runDone') as Extract<FromWorker, { type: 'runDone' }>;
    const at = Math.floor((done.statementEnd[0] + done.statementEnd[1]) / 2);
    msgs.length = 0;
    session.goto(1, 4, { statement: 0, event: at });
    expect(msgs.map((m) => m.type).filter((t) => t !== 'progress')).toEqual(['snapshot', 'explained']);
    const snap = msgs.find((m) => m.type === 'snapshot') as Extract<FromWorker, { type: 'snapshot' }>;
    const explained = msgs.find((m) => m.type === 'explained') as Extract<FromWorker, { type: 'explained' }>;
    expect(snap.explaining).toBe(true);
    expect(snap.snapshot.explain).toEqual([]);
    expect(explained.position).toEqual(snap.position);
    expect(explained.explain.length).toBeGreaterThan(0);
    expect(snapshotDigest({ ...snap.snapshot, explain: explained.explain })).toBe(
      fresh(source, snap.position.event!),
    );
  }, 60_000);

  it('at the first run, sends the last statement’s views with the run’s figures, before its sentences', () => {
    const source = 'a = [[0] * 10 for _ in range(3000)]\ndel a\n';
    const run = (viewsFirst: boolean, statement: number): FromWorker[] => {
      const msgs: FromWorker[] = [];
      const session = new Session((m) => msgs.push(m), { viewsFirst });
      session.start(1, source, { tunables: {}, env: DEFAULT_ENV }, { statement, event: null });
      return msgs.filter((m) => m.type !== 'progress');
    };
    const early = run(true, 2);
    expect(early.map((m) => m.type)).toEqual(['loaded', 'runDone', 'snapshot', 'explained']);
    const snap = early[2] as Extract<FromWorker, { type: 'snapshot' }>;
    const explained = early[3] as Extract<FromWorker, { type: 'explained' }>;
    expect(snap.explaining).toBe(true);
    expect(snap.snapshot.explain).toEqual([]);
    expect(explained.position).toEqual({ statement: 2, event: null });
    // the same state and sentences as the snapshot a session without views-first sends whole
    const whole = run(false, 2).find((m) => m.type === 'snapshot') as Extract<
      FromWorker,
      { type: 'snapshot' }
    >;
    expect(whole.explaining).toBe(false);
    expect(explained.explain.length).toBeGreaterThan(0);
    expect(snapshotDigest({ ...snap.snapshot, explain: explained.explain })).toBe(
      snapshotDigest(whole.snapshot),
    );
    // the run's figures are the same too (its duration and wall-clock phases aside)
    const done = (ms: FromWorker[]) => ({
      ...(ms.find((m) => m.type === 'runDone') as Extract<FromWorker, { type: 'runDone' }>),
      durationMs: 0,
      phases: null,
    });
    expect(done(early)).toEqual(done(run(false, 2)));
    // another position asked for: answered from its checkpoint after the run, sentences included
    const other = run(true, 1);
    expect(other.map((m) => m.type)).toEqual(['loaded', 'runDone', 'snapshot']);
    expect((other[2] as Extract<FromWorker, { type: 'snapshot' }>).snapshot.explain.length).toBeGreaterThan(
      0,
    );
  }, 60_000);
});

describe('landings in a script with threads', () => {
  it('pause only while the main thread runs, and still equal a fresh replay', () => {
    const source = `import threading
out = []
def work(n):
    for i in range(n):
        out.append([i] * 5)
ts = [threading.Thread(target=work, args=(400,)) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
total = 0
for x in out:
    total += len(x)
del out
`;
    const { session, msgs, inner, total } = start(source);
    // up to `del out` (the owner lookup fails inside a dict's deallocation there, with or without
    // these changes: python/owners' dictTraverse reads the freed dict's entries)
    const from = inner.run.statementEnd[2];
    const span = inner.run.statementEnd[7] - from;
    expect(total).toBeGreaterThan(inner.run.statementEnd[7]);
    for (const f of [0.3, 0.31, 0.6, 0.2, 0.9]) {
      const t = from + Math.floor(span * f);
      msgs.length = 0;
      session.goto(1, 1, { statement: 0, event: t });
      const snap = msgs.find((m) => m.type === 'snapshot') as Extract<FromWorker, { type: 'snapshot' }>;
      expect(snap, JSON.stringify(msgs.filter((m) => m.type !== 'progress'))).toBeDefined();
      expect(snap.snapshot.event).toBe(snap.position.event);
      expect(snapshotDigest(snap.snapshot), `event ${t}`).toBe(fresh(source, snap.position.event!));
    }
  }, 120_000);
});
