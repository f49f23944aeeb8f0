import { describe, expect, it } from 'vitest';
import { glibcOf } from '../engine/trace/snapshot';
import type { FromWorker, Whence } from '../protocol/messages';
import { Session } from './session';
import { DEFAULT_ENV } from '../protocol/environment';

/** Drive the worker's session and ask it about one allocation. */
function ask(
  source: string,
  pick: (s: Extract<FromWorker, { type: 'snapshot' }>) => number,
  at: 'end' | number,
): { whence: Whence; done: Extract<FromWorker, { type: 'runDone' }> } {
  const msgs: FromWorker[] = [];
  const s = new Session((m) => msgs.push(m));
  s.start(1, source, { tunables: {}, env: DEFAULT_ENV }, { statement: at === 'end' ? 99 : at, event: null });
  const done = msgs.find((m) => m.type === 'runDone') as Extract<FromWorker, { type: 'runDone' }>;
  const snap = msgs.find((m) => m.type === 'snapshot') as Extract<FromWorker, { type: 'snapshot' }>;
  s.whence(1, 2, pick(snap), snap.snapshot.event);
  return {
    whence: (msgs.find((m) => m.type === 'whence') as Extract<FromWorker, { type: 'whence' }>).whence,
    done,
  };
}

describe('where selected memory came from', () => {
  it('names the line that allocated an mmapped buffer and the one that freed it', () => {
    const src = 'x = 1\nb = bytearray(10 ** 7)\ny = 2\ndel b\n';
    const { whence } = ask(
      src,
      (m) =>
        glibcOf(m.snapshot)!.mmappedChunks.address[
          Array.from(glibcOf(m.snapshot)!.mmappedChunks.size).indexOf(
            Math.max(...glibcOf(m.snapshot)!.mmappedChunks.size),
          )
        ],
      2,
    );
    expect(whence.startup).toBe(false);
    expect(whence.allocated?.statement).toBe(2);
    expect(whence.freed?.statement).toBe(4);
  });

  it('finds a chunk freed before the position (held in tcache) freed by its line, not "never"', () => {
    const src = 'a = [[0] * 100 for _ in range(50)]\ndel a\n';
    const { whence } = ask(
      src,
      (m) => {
        const h = glibcOf(m.snapshot)!.heap;
        // The highest tcache chunk: one of the freed item buffers.
        for (let i = h.count - 1; i >= 0; i--)
          if (h.state[i] === 2 && h.sizeG[i] * 16 === 816)
            return m.snapshot.scalars.heapStart + h.gran[i] * 16;
        return 0;
      },
      'end',
    );
    expect(whence.allocated?.statement).toBe(1);
    expect(whence.freed?.statement).toBe(2);
  });

  it('says start-up for the interpreter’s own memory', () => {
    const { whence } = ask('x = 1\n', (m) => glibcOf(m.snapshot)!.mmappedChunks.address[0], 'end');
    expect(whence.startup).toBe(true);
    expect(whence.allocated).toBeNull();
  });
});
