/**
 * The simulator (src/engine/glibc/trace.ts) against the machine's real glibc
 * 2.36, byte for byte: generated traces over many seeds and tunables, and the
 * hand-written traces of tests/native/traces/ (compared after every op, or at
 * many points of the longer ones).
 *
 * On a mismatch the failing trace and both outputs are saved under
 * .cache/native-failures/, and the message names the first differing output
 * line, the trace line and op that produced it, and the shortest prefix of the
 * trace on which the two differ (where the simulator most likely went wrong).
 *
 * Environment: HW_NATIVE_OPS (ops per generated trace, default 20000),
 * HW_NATIVE_EXTRA_SEEDS (more default-tunable seeds, default 0).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runMallocTrace } from '../../src/engine/libc/traceReport';
import { checkContext, HAND_CASES, readHandTrace } from './handTraces';
import {
  compileReplay,
  describeMismatch,
  firstDivergentPrefix,
  glibcTunables,
  nativeAvailable,
  runReplay,
  saveFailure,
  traceOps,
  truncateTrace,
  type Tunables,
} from './nativeReplay';
import { generateTrace, profileForSeed, THREAD_PROFILES } from './traceGen';

const N_OPS = Number(process.env.HW_NATIVE_OPS ?? 20_000);
const EXTRA_SEEDS = Number(process.env.HW_NATIVE_EXTRA_SEEDS ?? 0);

interface SeedCase {
  seed: number;
  tunables: Tunables;
  label: string;
  /** A thread profile (T/X ops); absent: the seed's one-thread profile. */
  profile?: string;
}

/** 56 seeds (+ extra): mostly default tunables, every profile several times, and the tunable variants. */
function seedCases(): SeedCase[] {
  const cases: SeedCase[] = [];
  const add = (seed: number, tunables: Tunables): void => {
    const gt = glibcTunables(tunables);
    cases.push({
      seed,
      tunables,
      label: `${profileForSeed(seed).name}${gt ? `, ${gt.replaceAll('glibc.malloc.', '')}` : ''}`,
    });
  };
  for (let seed = 1; seed <= 42 + EXTRA_SEEDS; seed++) add(seed, {});
  for (let seed = 1001; seed <= 1006; seed++) add(seed, { tcacheCount: 0 });
  for (let seed = 2001; seed <= 2006; seed++) add(seed, { topPad: 0, trimThreshold: 65536 });
  add(3001, { mmapThreshold: 262144 });
  add(3002, { mmapThreshold: 65536, tcacheCount: 3 });
  // Threads: glibc's arenas, heaps and tcaches per thread, against real pthreads.
  const addThreads = (seed: number, profile: string, tunables: Tunables): void => {
    const gt = glibcTunables(tunables);
    cases.push({
      seed,
      tunables,
      profile,
      label: `${profile}${gt ? `, ${gt.replaceAll('glibc.malloc.', '')}` : ''}`,
    });
  };
  for (const profile of THREAD_PROFILES) {
    for (let seed = 4001; seed <= 4004; seed++) addThreads(seed, profile, {});
    addThreads(4101, profile, { arenaMax: 2 });
    addThreads(4102, profile, { tcacheCount: 0 });
  }
  addThreads(4201, 'threadsMany', { arenaMax: 3, topPad: 0, trimThreshold: 65536 });
  addThreads(4202, 'threadsBig', { arenaTest: 2, mmapThreshold: 4 << 20 });
  return cases;
}

function tunablesArg(t: Tunables): string {
  return Object.entries(t)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** Runs both; fails with a debuggable message when the outputs differ. */
function compare(name: string, trace: string, tunables: Tunables): void {
  const real = runReplay(trace, tunables);
  let sim: string;
  try {
    sim = runMallocTrace(trace, tunables);
  } catch (err) {
    const path = saveFailure(name, trace, tunables, real, '');
    throw new Error(
      `${name}: the simulator threw: ${(err as Error).stack ?? String(err)}\n  trace saved: ${path}`,
      {
        cause: err,
      },
    );
  }
  const mismatch = describeMismatch(trace, real, sim);
  if (mismatch === null) return;
  const path = saveFailure(name, trace, tunables, real, sim);
  let prefix = '';
  try {
    const p = firstDivergentPrefix(
      trace,
      (t) => runReplay(t, tunables),
      (t) => runMallocTrace(t, tunables),
    );
    if (p) {
      prefix =
        `\nshortest prefix on which they differ: the first ${p.nOps} ops, ending at trace line ${p.op.line}: "${p.op.text}"\n` +
        p.detail.replace(/^/gm, '  ');
    }
  } catch (err) {
    prefix = `\n(prefix search failed: ${(err as Error).message})`;
  }
  const tun = tunablesArg(tunables);
  expect.fail(
    `${name}: simulator output differs from the real glibc 2.36\n${mismatch}${prefix}\n` +
      `saved: ${path} (+ .real.out, .sim.out)\n` +
      `reproduce: npx tsx tests/native/cli.ts diff ${path}${tun ? ` ${tun}` : ''}`,
  );
}

describe.skipIf(!nativeAvailable())('simulator vs real glibc 2.36', () => {
  beforeAll(() => {
    compileReplay();
  });

  describe(`generated traces (${N_OPS} ops each)`, () => {
    for (const { seed, tunables, label, profile } of seedCases()) {
      it(`seed ${seed} (${label})`, () => {
        compare(
          `seed-${seed}${profile ? `-${profile}` : ''}${glibcTunables(tunables) ? '-tun' : ''}`,
          generateTrace(seed, N_OPS, profile),
          tunables,
        );
      });
    }
  });

  describe.each(HAND_CASES)('hand trace $file: $label', (c) => {
    const trace = readHandTrace(c.file);
    const tunables = c.tunables ?? {};
    const name = `${c.file.replace(/\.trace$/, '')}${c.tunables ? `-${tunablesArg(c.tunables)}` : ''}`;

    it('agrees, and the real output shows the mechanism', () => {
      compare(name, trace, tunables);
      c.check(checkContext(trace, runReplay(trace, tunables), c.tunables));
    });

    it('agrees after every op (sampled for long traces), stats included', () => {
      const n = traceOps(trace).length;
      const points = new Set<number>();
      const step = Math.max(1, Math.ceil(n / 60));
      for (let k = 1; k <= n; k += step) points.add(k);
      points.add(n);
      for (const k of [...points].sort((a, b) => a - b)) {
        compare(`${name}-first-${k}-ops`, truncateTrace(trace, k), tunables);
      }
    });
  });

  it('the simulator rejects a malformed line with an Error naming the line', () => {
    const bad: [string, number, string][] = [
      ['m 0 8\nx 1 2\n', 2, 'x 1 2'],
      ['m 0 8\n# ok\nm 1\n', 3, 'm 1'],
      ['m 0 8\nm 1 12a\n', 2, 'm 1 12a'],
    ];
    for (const [trace, line, text] of bad) {
      let error: unknown = null;
      try {
        runMallocTrace(trace);
      } catch (err) {
        error = err;
      }
      expect(error, `no error for ${JSON.stringify(trace)}`).toBeInstanceOf(Error);
      const msg = (error as Error).message;
      const named = new RegExp(`\\b${line}\\b`).test(msg) || msg.includes(text);
      expect(named, `message does not name line ${line}: ${msg}`).toBe(true);
    }
  });
});
