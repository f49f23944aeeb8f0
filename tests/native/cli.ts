/**
 * Command line for the native cross-check (run with `npx tsx tests/native/cli.ts ...`):
 *
 *   gen SEED NOPS [PROFILE]         print a generated trace
 *   real TRACE [TUNABLES]           output of the real glibc
 *   annotate TRACE [TUNABLES]       each op next to the real glibc's result
 *   sim TRACE [TUNABLES]            output of the simulator
 *   diff TRACE [TUNABLES]           first difference real vs simulator, and the
 *                                   shortest prefix on which they differ
 *   bench [NOPS] [SEEDS]            ops/s of the real glibc vs the simulator
 *
 * TRACE is a file, or gen:SEED:NOPS[:PROFILE] for a generated one.
 * TUNABLES: comma-separated, e.g. tcacheCount=0,topPad=0,trimThreshold=65536,mmapThreshold=262144
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  annotate,
  describeMismatch,
  firstDivergentPrefix,
  runReplay,
  runReplayRaw,
  traceOps,
  type Tunables,
} from './nativeReplay';
import { generateTrace, PROFILE_NAMES } from './traceGen';

type Sim = (text: string, tunables?: Tunables) => string;

async function loadSim(): Promise<Sim> {
  const mod = (await import('../../src/engine/libc/traceReport')) as { runMallocTrace: Sim };
  return mod.runMallocTrace;
}

function readTrace(arg: string | undefined): string {
  if (arg === undefined) usage();
  if (arg.startsWith('gen:')) {
    const [, seed, n, profile] = arg.split(':');
    return generateTrace(Number(seed), Number(n), profile);
  }
  return readFileSync(arg, 'utf8');
}

function parseTunables(arg: string | undefined): Tunables {
  const t: Tunables = {};
  if (!arg) return t;
  for (const kv of arg.split(',')) {
    const [k, v] = kv.split('=');
    if (!['mmapThreshold', 'trimThreshold', 'topPad', 'tcacheCount'].includes(k) || !/^\d+$/.test(v ?? '')) {
      throw new Error(`bad tunable ${kv}`);
    }
    t[k as keyof Tunables] = Number(v);
  }
  return t;
}

function usage(): never {
  process.stderr.write(
    'usage: cli.ts gen SEED NOPS [PROFILE] | real|annotate|sim|diff TRACE [TUNABLES] | bench [NOPS] [SEEDS]\n' +
      `profiles: ${PROFILE_NAMES.join(', ')}\n`,
  );
  process.exit(2);
}

async function main(): Promise<void> {
  const [cmd, a1, a2, a3] = process.argv.slice(2);
  switch (cmd) {
    case 'gen':
      if (a1 === undefined || a2 === undefined) usage();
      process.stdout.write(generateTrace(Number(a1), Number(a2), a3));
      return;
    case 'real':
      process.stdout.write(runReplay(readTrace(a1), parseTunables(a2)));
      return;
    case 'annotate': {
      const trace = readTrace(a1);
      process.stdout.write(annotate(trace, runReplay(trace, parseTunables(a2))) + '\n');
      return;
    }
    case 'sim': {
      const sim = await loadSim();
      process.stdout.write(sim(readTrace(a1), parseTunables(a2)));
      return;
    }
    case 'diff': {
      const sim = await loadSim();
      const trace = readTrace(a1);
      const tun = parseTunables(a2);
      const real = runReplay(trace, tun);
      const mismatch = describeMismatch(trace, real, sim(trace, tun));
      if (mismatch === null) {
        process.stdout.write('identical\n');
        return;
      }
      process.stdout.write(`${mismatch}\n`);
      const p = firstDivergentPrefix(
        trace,
        (t) => runReplay(t, tun),
        (t) => sim(t, tun),
      );
      if (p)
        process.stdout.write(
          `shortest differing prefix: ${p.nOps} ops, ending at line ${p.op.line}: "${p.op.text}"\n${p.detail}\n`,
        );
      process.exitCode = 1;
      return;
    }
    case 'bench': {
      const nOps = Number(a1 ?? 100_000);
      const seeds = Number(a2 ?? 6);
      const sim = await loadSim().catch(() => null);
      let realNs = 0;
      let simMs = 0;
      let total = 0;
      for (let seed = 1; seed <= seeds; seed++) {
        const trace = generateTrace(seed, nOps);
        const n = traceOps(trace).length;
        total += n;
        const r = runReplayRaw(trace, {}, ['--time']);
        const m = /time_ns (\d+)/.exec(r.stderr);
        if (r.status !== 0 || !m) throw new Error(`replay failed: ${r.stderr}`);
        realNs += Number(m[1]);
        if (sim) {
          const t0 = performance.now();
          sim(trace);
          simMs += performance.now() - t0;
        }
      }
      const realRate = total / (realNs / 1e9);
      process.stdout.write(
        `real glibc: ${total} ops in ${(realNs / 1e6).toFixed(1)} ms = ${Math.round(realRate)} ops/s\n`,
      );
      if (sim) {
        const simRate = total / (simMs / 1e3);
        process.stdout.write(
          `simulator:  ${total} ops in ${simMs.toFixed(1)} ms = ${Math.round(simRate)} ops/s ` +
            `(${(simRate / realRate).toFixed(2)}x the real glibc's rate; the simulator's time includes parsing)\n`,
        );
      } else {
        process.stdout.write('simulator:  src/engine/libc/traceReport.ts not loadable\n');
      }
      return;
    }
    default:
      usage();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
