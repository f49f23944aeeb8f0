/**
 * The native replay (tools/native/replay.c) on the machine's real glibc, on
 * its own: output format, known facts, malformed input, the hand-written
 * traces' mechanisms, and the trace generator. Does not need the simulator;
 * crosscheck.test.ts compares the two.
 */
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContext, HAND_CASES, readHandTrace } from './handTraces';
import {
  compileReplay,
  nativeAvailable,
  parseResults,
  parseStats,
  resultOps,
  runReplay,
  runReplayRaw,
  STAT_NAMES,
  traceOps,
  TRACES_DIR,
} from './nativeReplay';
import { generateTrace, PROFILE_NAMES, PROFILES, SINGLE_THREAD_PROFILES } from './traceGen';

describe.skipIf(!nativeAvailable())('native replay on the real glibc', () => {
  beforeAll(() => {
    compileReplay();
  });

  it('first malloc(24) lands at heap 672 and the first sbrk is 135168', () => {
    const out = runReplay('m 0 24\n');
    expect(out).toBe(
      [
        'heap 672',
        'arena 135168',
        'ordblks 1',
        'smblks 0',
        'hblks 0',
        'hblkhd 0',
        'uordblks 688',
        'fordblks 134480',
        'fsmblks 0',
        'keepcost 134480',
        'heap_size 135168',
        '',
      ].join('\n'),
    );
  });

  it('prints one line per m/c/r op, then the ten stats in order; comments and blank lines are skipped', () => {
    const trace = '# comment\n\nm 0 100\n  # indented comment\nc 1 2 3\nf 0\nt 0\nr 1 5000\nr 1 0\n';
    const out = runReplay(trace);
    const lines = out.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 1).toBe(4 + STAT_NAMES.length);
    expect(lines.slice(4, -1).map((l) => l.split(' ')[0])).toEqual([...STAT_NAMES]);
    expect(lines[3]).toBe('null'); // realloc(p, 0)
    expect(resultOps(trace).map((o) => o.line)).toEqual([3, 5, 8, 9]);
  });

  it('an mmapped chunk prints its size', () => {
    expect(runReplay('m 0 200000\n').split('\n')[0]).toBe('mmap 200704');
  });

  it('passes tunables through GLIBC_TUNABLES', () => {
    // tcache_count=0: the freed 112-B chunk goes to a fastbin instead of tcache
    const trace = 'm 0 100\nm 1 100\nf 0\n';
    expect(parseStats(runReplay(trace)).smblks).toBe(0);
    expect(parseStats(runReplay(trace, { tcacheCount: 0 })).smblks).toBe(1);
    // top_pad 0: the first sbrk is just the page-rounded need
    expect(parseStats(runReplay('m 0 24\n', { topPad: 0 })).heap_size).toBe(4096);
    // mmap_threshold: 200000 is below it now
    expect(runReplay('m 0 200000\n', { mmapThreshold: 262144 }).split('\n')[0]).toBe('heap 672');
  });

  it('ignores GLIBC_TUNABLES / MALLOC_* from the calling environment', () => {
    const saved = { g: process.env.GLIBC_TUNABLES, m: process.env.MALLOC_TOP_PAD_ };
    try {
      process.env.GLIBC_TUNABLES = 'glibc.malloc.top_pad=0';
      process.env.MALLOC_TOP_PAD_ = '0';
      expect(parseStats(runReplay('m 0 24\n')).heap_size).toBe(135168);
    } finally {
      if (saved.g === undefined) delete process.env.GLIBC_TUNABLES;
      else process.env.GLIBC_TUNABLES = saved.g;
      if (saved.m === undefined) delete process.env.MALLOC_TOP_PAD_;
      else process.env.MALLOC_TOP_PAD_ = saved.m;
    }
  });

  it.each([
    ['unknown op', 'm 0 8\nx 1 2\n', 2],
    ['missing field', 'm 0 8\nm 1\n', 2],
    ['extra field', 'f 0 1\n', 1],
    ['not a number', 'm 0 8\nm 1 12a\n', 2],
    ['negative number', 'c 0 -1 8\n', 1],
    ['number over 64 bits', 'm 0 18446744073709551616\n', 1],
    ['number over 2^53 - 1', 'm 0 8\nm 1 9007199254740992\n', 2],
    ['op glued to its field', 'm0 8\n', 1],
    ['id over 2^31 - 1', 'm 2147483648 8\n', 1],
  ])('rejects a malformed line (%s) with a non-zero exit naming the line', (_why, trace, line) => {
    const r = runReplayRaw(trace);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`:${line}: `));
  });

  it('--time reports the op loop time on stderr and leaves stdout unchanged', () => {
    const trace = generateTrace(7, 2000);
    const plain = runReplay(trace);
    const timed = runReplayRaw(trace, {}, ['--time']);
    expect(timed.status).toBe(0);
    expect(timed.stdout).toBe(plain);
    expect(timed.stderr).toMatch(/^time_ns \d+ ops 2000 minflt \d+ majflt \d+\n$/);
  });

  it('is deterministic (same trace, same output, ASLR notwithstanding)', () => {
    const trace = generateTrace(3, 5000);
    expect(runReplay(trace)).toBe(runReplay(trace));
  });

  it('has a check for every hand-written trace', () => {
    const files = readdirSync(TRACES_DIR).filter((f) => f.endsWith('.trace'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const f of files) expect(HAND_CASES.map((c) => c.file)).toContain(f);
  });

  describe.each(HAND_CASES)('hand trace $file: $label', (c) => {
    it('shows the mechanism on the real glibc', () => {
      const trace = readHandTrace(c.file);
      c.check(checkContext(trace, runReplay(trace, c.tunables), c.tunables));
    });
  });

  it('malloc_trim(0) releases the pages of the free chunk in the middle (RSS, not visible in mallinfo2)', () => {
    const trace = readHandTrace('malloc_trim_middle.trace');
    const ops = traceOps(trace);
    expect(ops.at(-1)?.text).toBe('t 0');
    const rss = (t: string): number => {
      const r = runReplayRaw(t, {}, ['--touch', '--rss']);
      expect(r.status).toBe(0);
      return Number(/heap_rss_pages (\d+)/.exec(r.stderr)?.[1]);
    };
    const withoutTrim = trace.slice(0, trace.lastIndexOf('t 0'));
    const before = rss(withoutTrim);
    const after = rss(trace);
    expect(before).toBeGreaterThan(100); // 5 x 100000 B written
    expect(after).toBeLessThan(10); // the 500080-B free chunk's pages are gone, the chunk is not
  });
});

describe('trace generator', () => {
  it('is deterministic and emits exactly nOps ops', () => {
    for (const seed of [1, 2, 99]) {
      const t = generateTrace(seed, 3000);
      expect(t).toBe(generateTrace(seed, 3000));
      expect(traceOps(t).length).toBe(3000);
    }
    expect(generateTrace(1, 3000)).not.toBe(generateTrace(2, 3000));
  });

  it.each(PROFILE_NAMES)('profile %s: only touches live ids, keeps the live set bounded', (profile) => {
    const trace = generateTrace(11, 20_000, profile);
    const prof = PROFILES[profile];
    const live = new Map<number, number>();
    const running = new Set([0]);
    let bytes = 0;
    let maxLive = 0;
    let maxBytes = 0;
    let maxThreads = 1;
    const counts: Record<string, number> = { m: 0, c: 0, r: 0, f: 0, t: 0, T: 0, X: 0 };
    for (const { text } of traceOps(trace)) {
      const [op, ...f] = text.split(' ');
      const n = f.map(Number);
      counts[op]++;
      if (op === 'm' || op === 'c') {
        expect(live.has(n[0])).toBe(false);
        const size = op === 'm' ? n[1] : n[1] * n[2];
        live.set(n[0], size);
        bytes += size;
      } else if (op === 'r') {
        expect(live.has(n[0])).toBe(true);
        bytes -= live.get(n[0])!;
        if (n[1] === 0) live.delete(n[0]);
        else {
          live.set(n[0], n[1]);
          bytes += n[1];
        }
      } else if (op === 'f') {
        expect(live.has(n[0])).toBe(true);
        bytes -= live.get(n[0])!;
        live.delete(n[0]);
      } else if (op === 'T') {
        running.add(n[0]);
        maxThreads = Math.max(maxThreads, running.size);
      } else if (op === 'X') {
        expect(running.has(n[0]) && n[0] !== 0).toBe(true);
        running.delete(n[0]);
      } else {
        expect(op).toBe('t');
      }
      maxLive = Math.max(maxLive, live.size);
      maxBytes = Math.max(maxBytes, bytes);
    }
    expect(maxLive).toBeLessThanOrEqual(prof.maxLive);
    expect(maxBytes).toBeLessThanOrEqual(prof.maxLiveBytes + 40 * 1024 * 1024);
    for (const op of ['m', 'c', 'r', 'f', 't']) expect(counts[op]).toBeGreaterThan(0);
    if (prof.threads) {
      expect(counts.T).toBeGreaterThan(50);
      expect(counts.X).toBeGreaterThan(5);
      expect(maxThreads).toBeGreaterThan(4);
      expect(maxThreads).toBeLessThanOrEqual(prof.threads.max);
    } else expect(counts.T + counts.X).toBe(0);
  });

  it.skipIf(!nativeAvailable())(
    'generated traces hit mmap, null results, heap shrinking and trims on the real glibc',
    () => {
      let mmaps = 0;
      let nulls = 0;
      let shrinks = 0;
      for (let seed = 1; seed <= SINGLE_THREAD_PROFILES.length; seed++) {
        const trace = generateTrace(seed, 10_000);
        const r = runReplayRaw(trace, {}, ['--brk']);
        expect(r.status).toBe(0);
        const results = parseResults(r.stdout);
        expect(results.length).toBe(resultOps(trace).length);
        mmaps += results.filter((x) => x.kind === 'mmap').length;
        nulls += results.filter((x) => x.kind === 'null').length;
        let prev = 0;
        for (const m of r.stderr.matchAll(/^brk \d+ \d+ (\d+)$/gm)) {
          const size = Number(m[1]);
          if (size < prev) shrinks++;
          prev = size;
        }
      }
      expect(mmaps).toBeGreaterThan(50);
      expect(nulls).toBeGreaterThan(10);
      expect(shrinks).toBeGreaterThan(20);
    },
  );
});
