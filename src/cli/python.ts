import { cpythonVersion } from '../engine/python/versions';
import { PyError } from '../engine/python/errors';
import { createProcess, defaultProfile, simulateScript } from '../engine/simulate';
import type { CliArgs } from './args';
import { formatTable } from './table';
import { describeReportError } from '../engine/python/report';
import { compileModule, disassemble } from '../engine/python/compiler';
import { parse } from '../engine/python/syntax';
import { resolve } from 'node:path';
import { SIMULATOR_STACK_OUT } from '../engine/python/process';
import { rerunWithDeeperStack } from './deepstack';
import { getHeapStatistics } from 'node:v8';
import { totalmem } from 'node:os';
import { MB } from '../engine/python/runtime/hostmem';

/**
 * `npm run sim -- FILE.py`: the report of a run through the simulated CPython (3.11 unless --python) / glibc 2.36
 * process (a table, or JSON in the recorder's schema), or with --malloc-log the glibc calls the
 * process made after boot. A Python error ends the run with exit status 1 after the steps before it.
 */
export function runPythonCli(source: string | Buffer, args: CliArgs): number {
  if (args.mallocLog) return printMallocLog(source, args);
  if (args.dis) return printBytecode(source, args);
  const report = simulateScript(source, {
    env: args.env,
    scenario: args.script,
    filename: args.script ? resolve(args.script) : undefined,
    python: args.python,
    profile: args.profile ?? defaultProfile(textOf(source), args.python),
    recorderChild: args.recorderChild,
    maxSeconds: args.maxSeconds ?? null,
    clock: cpuClock,
    ...memoryLimits(args),
  });
  if (report.error?.message === SIMULATOR_STACK_OUT) {
    const status = rerunWithDeeperStack(args.script);
    if (status !== null) return status;
  }
  if (args.json) process.stdout.write(JSON.stringify(report, null, 1) + '\n');
  else
    process.stdout.write(
      `${report.python === '3.11.2' ? "Debian's python3 3.11.2" : `python3 ${report.python}`}${report.numpy ? ` + NumPy ${report.numpy}` : ''}, glibc 2.36${report.allocator ? ` + LD_PRELOAD ${report.allocator}` : ''}${envNote(args.env.vars)}\n` +
        formatTable(report.steps, report.error, {
          output: report.output,
          stepOutput: report.stepOutput,
          interleave: args.stdout,
          stderr: report.stderr,
        }),
    );
  if (!report.error) return 0;
  if (args.json) process.stderr.write(describeReportError(report.error) + '\n');
  return 1;
}

/**
 * The simulator's memory budget in node: half the heap V8 may grow to (2,072 MB on these 24 GiB
 * machines, where V8's limit is 4,144 MB) for what the model puts in the JS heap, so the model's
 * figure leaves room for what it does not count; V8's own figure as a second guard at 85% of that
 * limit, well before node would abort with "JavaScript heap out of memory". Not the page's 1.5 GB:
 * the model charges 100 bytes an object (hostmem.ts), so 1.5 GB stopped `{i: None for i in
 * range(17_000_000)}` at 16.1 M objects, a dict CPython makes in 16 s and 1.17 GB, for which node
 * itself then held 1.18 GB (issue 12 §8).
 *
 * The typed arrays (the object table's columns, the item pool, the dict-table slabs) are outside
 * V8's heap and its limit: they get a budget of their own, half the machine's memory. Under one
 * 2,072 MB budget, `[{'a': i, 'b': str(i)} for i in range(10**7)]` (CPython: 3.2 s, 2.85 GB)
 * stopped at 20.8 M of its 30 M objects (perf-18). `--max-memory MB` is one
 * budget for all of it, as before.
 */
export function memoryLimits(args: Pick<CliArgs, 'maxMemoryMB'>): {
  memoryBudget: number;
  memoryExternalBudget: number | null;
  memoryProbe: { used: () => number; limit: number };
} {
  const limit = getHeapStatistics().heap_size_limit;
  const given = args.maxMemoryMB !== undefined;
  return {
    memoryBudget: given ? args.maxMemoryMB! * MB : Math.floor(limit / 2),
    memoryExternalBudget: given ? null : Math.floor(totalmem() / 2),
    memoryProbe: { used: () => getHeapStatistics().used_heap_size, limit: Math.floor(limit * 0.85) },
  };
}

/** The simulator's CPU time in ms (the time budget counts what the simulation costs, not the wall clock). */
function cpuClock(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** --dis: the module's bytecode as `python3 -m dis` lays it out, compiled by the simulator's compiler. */
function printBytecode(source: string | Buffer, args: CliArgs): number {
  try {
    const tree = parse(source, { filename: args.script });
    process.stdout.write(
      disassemble(
        compileModule(tree, {
          filename: args.script ?? '<string>',
          inlineComprehensions: cpythonVersion(args.python).comprehensions === 'inlined',
        }).code,
      ) + '\n',
    );
    return 0;
  } catch (e) {
    if (!(e instanceof PyError)) throw e;
    process.stderr.write(e.describe() + '\n');
    return 1;
  }
}

/** Every glibc call after boot, in the trace format, for tools/native/replay.c to replay. */
function printMallocLog(source: string | Buffer, args: CliArgs): number {
  const p = createProcess({
    env: args.env,
    mallocLog: true,
    python: args.python,
    profile: args.profile ?? defaultProfile(textOf(source), args.python),
    recorderChild: args.recorderChild,
  });
  let status = 0;
  try {
    const statements = p.load(source);
    for (let i = 0; i < statements.length; i++) p.runStatement(i);
  } catch (e) {
    if (!(e instanceof PyError)) throw e;
    process.stderr.write(e.describe() + '\n');
    status = 1;
  }
  process.stdout.write(p.mallocLog!.lines.join('\n') + '\n');
  return status;
}

/** Enough of the script to choose a profile by (its imports are ASCII in any encoding). */
const textOf = (source: string | Buffer): string =>
  typeof source === 'string' ? source : source.toString('latin1');

/** The variables the run was given other than LD_PRELOAD (already named by the allocator), for the table's first line. */
function envNote(vars: Record<string, string>): string {
  const rest = Object.entries(vars).filter(([k]) => k !== 'LD_PRELOAD');
  return rest.length ? ` (${rest.map(([k, v]) => `${k}=${v}`).join(' ')})` : '';
}
