import { describe, expect, it } from 'vitest';
import { glibcOf, type Snapshot } from '../engine/trace/snapshot';
import type { FromWorker } from '../protocol/messages';
import { Session } from './session';
import type { Checkpoints } from './checkpoints';
import { DEFAULT_ENV } from '../protocol/environment';

const SCRIPT = 'a = [[0] * 100 for _ in range(3000)]\ndel a\nb = [[0] * 10000 for _ in range(300)]\ndel b\n';

function drive(): { session: Session; msgs: FromWorker[]; last: () => Snapshot } {
  const msgs: FromWorker[] = [];
  const session = new Session((m) => msgs.push(m));
  const last = (): Snapshot =>
    (msgs.filter((m) => m.type === 'snapshot').pop() as Extract<FromWorker, { type: 'snapshot' }>).snapshot;
  return { session, msgs, last };
}

const figures = (s: Snapshot) => ({
  statement: s.statement,
  event: s.event,
  rss: s.scalars.rss,
  brk: s.scalars.brk,
  mallinfo: glibcOf(s)!.mallinfo,
  chunks: Array.from(glibcOf(s)!.heap.sizeG),
  arenas: s.arenas?.count ?? 0,
});

describe('worker session', () => {
  it('runs, reports progress in order and answers the requested position', () => {
    const { session, msgs, last } = drive();
    session.start(1, SCRIPT, { tunables: {}, env: DEFAULT_ENV }, { statement: 2, event: null });
    const types = msgs.map((m) => m.type).filter((t) => t !== 'progress');
    expect(types).toEqual(['loaded', 'runDone', 'snapshot']);
    expect(last().statement).toBe(2);
  });

  it('gives the same state from a checkpoint and from a deterministic replay to the same event', () => {
    const { session, msgs, last } = drive();
    session.start(1, SCRIPT, { tunables: {}, env: DEFAULT_ENV }, { statement: 0, event: null });
    const done = msgs.find((m) => m.type === 'runDone') as Extract<FromWorker, { type: 'runDone' }>;
    for (let k = 1; k <= 4; k++) {
      session.goto(1, k, { statement: k, event: null });
      const fromCheckpoint = figures(last());
      // One event before the end of statement k, then the end itself by event count.
      session.goto(1, 10 + k, { statement: k - 1, event: done.statementEnd[k - 1] - 1 });
      expect(last().event).toBe(done.statementEnd[k - 1] - 1);
      expect(last().statement).toBe(k - 1);
      session.goto(1, 20 + k, { statement: k, event: done.statementEnd[k - 1] });
      expect(figures(last())).toEqual(fromCheckpoint);
    }
  });

  it('ends a run cut by Cancel (stopBefore) before that statement, keeping the ones before it', () => {
    const { session, msgs, last } = drive();
    const whole = drive();
    whole.session.start(1, SCRIPT, { tunables: {}, env: DEFAULT_ENV }, { statement: 2, event: null });
    session.start(1, SCRIPT, { tunables: {}, env: DEFAULT_ENV, stopBefore: 2 }, { statement: 2, event: null });
    const done = msgs.find((m) => m.type === 'runDone') as Extract<FromWorker, { type: 'runDone' }>;
    // statements 1 and 2 ran (their ends kept), statement 3 did not start
    expect(done.statementEnd.length).toBe(2);
    expect(done.error).toMatchObject({ kind: 'cancelled', statement: 2, line: 3 });
    expect(done.error!.message).toContain('statement 3');
    expect(last().statement).toBe(2);
    // the memory after the two statements is the whole run's at that point
    expect(figures(last())).toEqual(figures(whole.last()));
  });

  it('reports a syntax error with its line and still shows the start state', () => {
    const { session, msgs, last } = drive();
    session.start(
      1,
      'a = 1\nb = (1, 2))\n',
      { tunables: {}, env: DEFAULT_ENV },
      { statement: 5, event: null },
    );
    const done = msgs.find((m) => m.type === 'runDone') as Extract<FromWorker, { type: 'runDone' }>;
    expect(done.error).toMatchObject({ kind: 'syntax', line: 2 });
    expect(last().statement).toBe(0);
  });
});

describe('worker session: Python-level sentences', () => {
  const VIEW = 'import numpy as np\na = np.arange(10 ** 7)\nv = a[::2]\ndel a\ndel v\n';
  const text = (s: Snapshot) =>
    s.explain.map((x) => x.parts.map((p) => (typeof p === 'string' ? p : p.text)).join(''));

  it('says what keeps memory after del, the same from a checkpoint and from a replay', () => {
    const { session, msgs, last } = drive();
    session.start(1, VIEW, { tunables: {}, env: DEFAULT_ENV }, { statement: 4, event: null });
    const fromCheckpoint = text(last());
    expect(fromCheckpoint).toContain(
      'del a freed nothing: a (an ndarray of 10,000,000 int64) is still referenced as the base of the view v, so its 76 MiB data buffer (a glibc mmap) stays.',
    );
    expect(msgs.some((m) => m.type === 'runDone')).toBe(true);
    // An evicted checkpoint is rebuilt by a replay to the statement's end: the same sentences.
    const inner = session as unknown as { run: { checkpoints: Checkpoints } };
    inner.run.checkpoints.delete(4);
    session.goto(1, 2, { statement: 4, event: null });
    expect(text(last())).toEqual(fromCheckpoint);
    session.goto(1, 3, { statement: 5, event: null });
    expect(text(last()).join(' ')).not.toContain('freed nothing');
  }, 60_000);
});

describe('worker session: print output per statement', () => {
  it('gives what each statement printed, and the report carries it from the first pass', () => {
    const msgs: FromWorker[] = [];
    const session = new Session((m) => msgs.push(m));
    session.start(
      1,
      "x = 1\nprint('hello', x)\nfor i in range(3):\n    print(i)\n",
      { tunables: {}, env: DEFAULT_ENV },
      { statement: 0, event: null },
    );
    const done = msgs.find((m) => m.type === 'runDone') as Extract<FromWorker, { type: 'runDone' }>;
    expect(done.output).toEqual(['', 'hello 1\n', '0\n1\n2\n']);
    session.report(1, 9, 'https://example.invalid/#x');
    const report = JSON.parse(
      (msgs.find((m) => m.type === 'report') as Extract<FromWorker, { type: 'report' }>).json,
    );
    expect(report.link).toBe('https://example.invalid/#x');
    expect(report.steps.map((s: { output: string }) => s.output)).toEqual(['', '', 'hello 1\n', '0\n1\n2\n']);
    expect(report.steps[2].explanation[0]).toMatch(/^RSS /);
  });
});
