import { describe, expect, it } from 'vitest';
import { DEFAULT_ENV } from '../protocol/environment';
import type { FromWorker } from '../protocol/messages';
import { SentenceCache } from './sentenceCache';
import { Session } from './session';
import { queuedPageSession } from './testing';

/**
 * A landing where the page has been before takes its sentences from the run's SentenceCache, not
 * from a replay: they must be the sentences a fresh session writes at that event (the run is
 * deterministic), and no replay may run for them.
 */

type Explained = Extract<FromWorker, { type: 'explained' }>;

// cyclic garbage (gc off) while the later statements run: the sentences name it
const SOURCE = `import gc
gc.disable()
class Node:
    def __init__(self, v):
        self.me = self
        self.pad = [v] * 200
ring = [Node(i) for i in range(2000)]
del ring
keep = [bytes(1000) for _ in range(800)]
del keep
`;
const options = { tunables: {}, env: DEFAULT_ENV };

const sentencesOf = (msgs: FromWorker[]): string =>
  JSON.stringify(
    msgs.filter((m): m is Explained => m.type === 'explained').map((m) => [m.position, m.explain]),
  );

/** The sentences a fresh session (no cache, no history: snapshot and sentences from one replay) writes at `event`. */
function fresh(event: number): string {
  const msgs: FromWorker[] = [];
  const s = new Session((m) => msgs.push(m), { viewsFirst: true });
  s.start(1, SOURCE, options, { statement: 0, event: null });
  msgs.length = 0;
  s.goto(1, 0, { statement: 0, event });
  return sentencesOf(msgs);
}

describe('SentenceCache', () => {
  it('keeps the most recently used positions, at most its bound', () => {
    const c = new SentenceCache(2);
    c.put(1, 10, [{ id: 'a', parts: ['a'] }]);
    c.put(1, 20, [{ id: 'b', parts: ['b'] }]);
    expect(c.get(1, 10)?.[0].id).toBe('a'); // 10 now the most recent
    c.put(2, 30, [{ id: 'c', parts: ['c'] }]);
    expect(c.size).toBe(2);
    expect(c.get(1, 20)).toBeNull();
    expect(c.get(1, 10)?.[0].id).toBe('a');
    expect(c.get(2, 30)?.[0].id).toBe('c');
    expect(c.get(2, 10)).toBeNull();
  });

  it('a landing back where the page was: the fresh sentences, with no replay', () => {
    const { s, msgs, done, idle } = queuedPageSession(SOURCE, true);
    idle();
    // count the replays asked for and the sentences written (Landings' private steps)
    type Step = (...args: unknown[]) => unknown;
    const inner = (s as unknown as { landings: Record<'cursorFor' | 'sentencesHere', Step> }).landings;
    let replays = 0;
    let written = 0;
    const cursorFor = inner.cursorFor.bind(inner);
    const sentencesHere = inner.sentencesHere.bind(inner);
    inner.cursorFor = (...a) => (replays++, cursorFor(...a));
    inner.sentencesHere = (...a) => (written++, sentencesHere(...a));
    // inside `keep = …` (statement 5), with the ring's cycles still garbage
    const from = done.statementEnd[4];
    const at = from + Math.floor((done.statementEnd[5] - from) * 0.5);
    const land = (event: number): { said: string; replayed: boolean } => {
      msgs.length = 0;
      const [r0, w0] = [replays, written];
      s.goto(1, 1, { statement: 0, event });
      const said = sentencesOf(msgs);
      const replayed = replays > r0 || written > w0;
      idle();
      return { said, replayed };
    };
    const first = land(at);
    expect(first.replayed).toBe(true);
    expect(first.said).toContain('reference cycles');
    const other = land(at - 500);
    expect(other.said).not.toBe(first.said);
    const again = land(at);
    expect(again.said).toBe(first.said);
    expect(again.replayed).toBe(false);
    expect(again.said).toBe(fresh(at));
  });
});
