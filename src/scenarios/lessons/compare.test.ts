import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compareSteps } from './compareLessons';
import { ENV_PRESETS, type EnvSpec } from '../../protocol/environment';

const env = (id: string): EnvSpec => ({ python: '3.11', vars: ENV_PRESETS.find((p) => p.id === id)!.vars });

/**
 * The comparison's sentences, from real runs of the page's worker session (the first seed and the
 * survivors, at a fraction of their size so the test stays short).
 */
describe('which environment gives the memory back', () => {
  it('after del: decay 0 gives the most back, mimalloc’s delayed decommit keeps the most, and each says why', () => {
    const steps = compareSteps('a = [[0] * 100 for _ in range(60000)]\ndel a\n', [
      env('glibc'),
      env('jemalloc'),
      env('jemalloc-decay0'),
      env('mimalloc'),
    ]);
    expect(steps).toHaveLength(3);
    // While the lists live, nobody can give them back.
    expect(steps[1][0]).toMatch(/^After line 1: .*(gives the most back|hold about the same)/);
    const after = steps[2];
    expect(after[0]).toMatch(
      // mimalloc keeps the most: its freed pages wait 25 ms for decommit, and nothing calls it after.
      /^After line 2: jemalloc, decay 0 gives the most back, .* less than mimalloc 2\.0\.9 \(/,
    );
    expect(after[1]).toMatch(
      /^glibc 2\.36 \(default\): .* resident, down .* free in glibc’s heap below an in-use chunk/,
    );
    expect(after[2]).toMatch(/^jemalloc 5\.3\.0: .* of freed pages waiting for the 10 s decay/);
    expect(after[3]).not.toMatch(/waiting/);
    expect(after[4]).toMatch(/^mimalloc 2\.0\.9: .* waiting for the decommit delay \(\d+ ms more\)/);
    for (const s of after) expect(s).not.toMatch(/NaN|undefined|-\d/);
  }, 300_000);

  it('after malloc_trim(0): glibc’s free chunks stay below the survivor, their pages given back', () => {
    // a survivor above the freed lists pins the heap; malloc_trim releases the pages inside the free
    // chunks (mtrim's MADV_DONTNEED), so the sentence must not call that memory held
    const src =
      'import ctypes\nlibc = ctypes.CDLL("libc.so.6")\na = [[0] * 100 for _ in range(30000)]\n' +
      'keep = [0] * 10\ndel a\nlibc.malloc_trim(0)\n';
    const steps = compareSteps(src, [env('glibc'), env('jemalloc')]);
    const beforeTrim = steps[5].find((s) => s.startsWith('glibc'))!;
    expect(beforeTrim).toMatch(/free in glibc’s heap below an in-use chunk \(the heap shrinks only from its top\)/);
    const afterTrim = steps[6].find((s) => s.startsWith('glibc'))!;
    expect(afterTrim).toMatch(/free in glibc’s heap below an in-use chunk, its pages given back by malloc_trim/);
  }, 300_000);

  it('the survivor that no allocator can fix: all hold the same, in use', () => {
    const steps = compareSteps('a = [[i] for i in range(100000)]\nkeep = a[::1000]\ndel a\n', [
      env('glibc'),
      env('jemalloc-decay0'),
      env('mimalloc-decommit0'),
    ]);
    const last = steps[steps.length - 1];
    expect(last[0]).toMatch(
      /^After line 3: all 3 environments hold about the same, .*in pymalloc arenas|still in use/,
    );
  }, 300_000);

  it('eight threads: their own arenas give the memory back at exit, two shared arenas keep it in the brk heap', () => {
    // threads_lists_exit at a quarter of its lists (the real one, whole: 19.6 MiB vs 173.7 MiB after stop).
    const source = readFileSync(
      new URL('../../../tests/fidelity/scenarios/threads/threads_lists_exit.py', import.meta.url),
      'utf8',
    ).replace('range(100000)', 'range(25000)');
    expect(source).toContain('range(25000)');
    const steps = compareSteps(source, [env('glibc'), env('glibc-arena-max-2')]);
    const built = steps.find((s) => /threads 9 arenas/.test(s.join(' ')) && /up \d+ MiB/.test(s.join(' ')));
    expect(built, 'a step where the threads hold their lists').toBeDefined();
    const arenas = built!.find((s) => /gave its threads/.test(s))!;
    expect(arenas).toMatch(
      /glibc 2\.36 \(default\) gave its threads 9 arenas \(\d+ MiB resident in 8 thread arenas' 8 heaps\); glibc, MALLOC_ARENA_MAX=2 has its threads share 2 arenas, \d+ MiB resident in 1 thread arena's (\d+ )?heaps?/,
    );
    const stopped = steps[steps.length - 1];
    expect(stopped[0]).toMatch(
      /glibc 2\.36 \(default\) gives the most back, .* less than glibc, MALLOC_ARENA_MAX=2/,
    );
    expect(stopped[1]).toMatch(
      /MALLOC_ARENA_MAX=2 has its threads share 2 arenas.*: \d+ MiB more resident\.$/,
    );
    expect(stopped[3]).toMatch(/MALLOC_ARENA_MAX=2: .* MiB free in glibc’s heap below an in-use chunk/);
    for (const s of stopped) expect(s).not.toMatch(/NaN|undefined/);
  }, 300_000);
});
