/**
 * By hand: `npx tsx tests/native/allocCli.ts real|sim|diff jemalloc|mimalloc TRACE [CONF]`.
 * TRACE is a file or gen:SEED:NOPS[:PROFILE]; CONF is MALLOC_CONF for jemalloc, or
 * MIMALLOC_X=V,... for mimalloc.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonical, compareOutputs, runReal, runSim, type AllocatorName } from './allocReplay';
import { jemallocSim } from './jemallocSim';
import { mimallocSim } from './mimallocSim';
import { generateTrace } from './traceGen';

const [cmd, which, traceArg, conf = ''] = process.argv.slice(2);
let trace = traceArg;
if (traceArg.startsWith('gen:')) {
  const [, seed, nops, profile] = traceArg.split(':');
  trace = join(mkdtempSync(join(tmpdir(), 'hw-alloc-')), 'gen.trace');
  writeFileSync(trace, generateTrace(Number(seed), Number(nops), profile));
}
const env: Record<string, string> =
  which === 'jemalloc'
    ? conf
      ? { MALLOC_CONF: conf }
      : {}
    : Object.fromEntries(
        conf
          .split(',')
          .filter((x) => x.includes('='))
          .map((x) => x.split('=') as [string, string]),
      );
const real = runReal(which as AllocatorName, trace, env);
const text = readFileSync(trace, 'utf8');
const make = which === 'jemalloc' ? jemallocSim(conf, real.tsd) : mimallocSim(env);
const mode = which === 'jemalloc' ? ('gaptop' as const) : ('model' as const);
const simLines = (): string[] => runSim(text, real.gaptop, make, mode);
if (cmd === 'real') console.log(real.lines.join('\n'));
else if (cmd === 'sim') console.log(simLines().join('\n'));
else {
  const simOut = simLines();
  writeFileSync('/tmp/hw-alloc-real.out', real.lines.join('\n') + '\n');
  writeFileSync('/tmp/hw-alloc-sim.out', simOut.join('\n') + '\n');
  const a = canonical(real.lines, which as AllocatorName, real.tsd !== null);
  const b = canonical(simOut, which as AllocatorName, real.tsd !== null);
  const c = compareOutputs(a, b);
  const first = c.mismatches[0];
  if (first) {
    // the sim's output with the ops, around the first difference
    const ann = runSim(text, real.gaptop, make, mode, true, true);
    let k = -1;
    let at = 0;
    for (; at < ann.length && k < first.line; at++)
      if (!ann[at].startsWith('# ') && !ann[at].startsWith('map ')) k++;
    console.log(ann.slice(Math.max(0, at - 14), at + 2).join('\n'));
  }
  for (const m of c.mismatches.slice(0, 12)) console.log(`${m.line}: real ${m.real} | sim ${m.sim}`);
  console.log(`${c.exactLines} lines equal, ${c.mismatches.length} differ`);
  for (const [k, v] of c.fuzzy)
    console.log(`${k}: worst ${(v.worst * 100).toFixed(2)}% (real ${v.real}, sim ${v.sim})`);
}
