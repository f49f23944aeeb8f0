import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../engine/trace/snapshot';
import type { FromWorker } from '../protocol/messages';
import { Session } from '../worker/session';
import { Change, diffSnapshots } from './diff';
import { DEFAULT_ENV } from '../protocol/environment';

function steps(source: string): Snapshot[] {
  const snaps: Snapshot[] = [];
  let n = 0;
  const s = new Session((m: FromWorker) => {
    if (m.type === 'snapshot') snaps.push(m.snapshot);
    if (m.type === 'runDone') n = m.statementEnd.length;
  });
  s.start(1, source, { tunables: {}, env: DEFAULT_ENV }, { statement: 0, event: null });
  snaps.length = 0;
  for (let k = 0; k <= n; k++) s.goto(1, k + 1, { statement: k, event: null });
  return snaps;
}

const sum = (d: ReturnType<typeof diffSnapshots>, kind: Change): number =>
  d.heap.from.reduce((acc, f, i) => acc + (d.heap.kind[i] === kind ? d.heap.to[i] - f : 0), 0);

describe('what changed between two steps', () => {
  it('sees the heap fill, then the same bytes freed', () => {
    const s = steps('a = [[0] * 100 for _ in range(3000)]\ndel a\n');
    const grow = diffSnapshots(s[0], s[1]);
    // 3,000 item buffers of 816 B chunks on the heap.
    expect(sum(grow, Change.New)).toBeGreaterThanOrEqual(3000 * 816);
    expect(grow.bytes.allocated).toBe(sum(grow, Change.New));
    const free = diffSnapshots(s[1], s[2]);
    expect(sum(free, Change.Freed)).toBeGreaterThanOrEqual(2999 * 816);
    expect(sum(free, Change.New)).toBeLessThan(64 * 1024);
    // Comparing a step with itself finds nothing.
    const none = diffSnapshots(s[1], s[1]);
    expect(none.heap.from).toHaveLength(0);
    expect(none.regions).toHaveLength(0);
  });

  it('sees a big buffer mapped, then unmapped and released, and arenas that came and went', () => {
    const s = steps('b = bytearray(10 ** 7)\ndel b\nl = [(i,) for i in range(100000)]\ndel l\n');
    const mapped = diffSnapshots(s[0], s[1]);
    expect(mapped.regions.filter((r) => r.kind === Change.New).map((r) => r.length)).toContain(10_002_432);
    const unmapped = diffSnapshots(s[1], s[2]);
    expect(unmapped.regions.some((r) => r.kind === Change.Released && r.length === 10_002_432)).toBe(true);
    expect(unmapped.bytes.released).toBeGreaterThanOrEqual(10_000_000);
    const arenas = diffSnapshots(s[2], s[3]);
    expect([...arenas.arenas.values()].filter((k) => k === Change.New).length).toBeGreaterThan(3);
    // every pool of the new arenas is new (elsewhere a pool may lose a block: `l` is __main__'s 11th key,
    // pymain's 9 dunders and `b`'s dummy, so the globals' keys table is resized and the old one freed)
    const fresh = [...arenas.arenas.entries()].filter(([, k]) => k === Change.New).map(([a]) => a);
    const inFresh = [...arenas.pools.entries()].filter(([p]) => fresh.some((a) => p >= a && p < a + 2 ** 20));
    expect(inFresh.length).toBeGreaterThan(3 * 60);
    expect(inFresh.every(([, k]) => k === Change.New)).toBe(true);
    const back = diffSnapshots(s[3], s[4]);
    expect([...back.arenas.values()].filter((k) => k === Change.Released).length).toBeGreaterThan(3);
  });
});
