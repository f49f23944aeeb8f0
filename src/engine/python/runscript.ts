import type { CPythonVersion } from './versions';
import { EnvError, type LibcEnvironment } from '../libc/env';
import type { LibcModel } from '../libc/libc';
import { NotSupported, PyError } from './errors';
import { runExitFuncs } from './modules/atexitmod';
import {
  REPORT_SCHEMA,
  type Report,
  type ReportError,
  type ReportStep,
  type StepMeasurement,
} from './report';
import { Statement, PythonProcess } from './process';
import { ProcessOptions } from './processoptions';

/** Run a whole script: `<start>`, then one step per top-level statement, up to the first error. */
export function runScript(
  source: string | Uint8Array,
  opts: ProcessOptions & { scenario?: string } = {},
): Report {
  const p = new PythonProcess(opts);
  const report: Report = {
    schema: REPORT_SCHEMA,
    python: p.profile.info.python ?? (opts.profile === 'debian-3.11.2' ? '3.11.2' : p.version.release),
    glibc: '2.36',
    ...(p.libc.kind === 'glibc' ? {} : { allocator: p.libc.version }),
    numpy: null,
    scenario: opts.scenario ?? 'script',
    steps: [],
  };
  let statements: Statement[] = [];
  try {
    statements = p.load(source);
  } catch (e) {
    report.error = safeErrorReport(p, e, 0);
  }
  report.steps.push(step('<start>', 0, p.measure()));
  opts.onStepClock?.(0, p.clock);
  if (report.error) return report;
  const stepOutput: string[] = [''];
  const written = p.outputReader();
  written.read();
  let pythonEnded = true;
  for (let i = 0; i < statements.length; i++) {
    const wallPerCpu = opts.stepWallPerCpu?.[i + 1];
    if (wallPerCpu !== undefined && wallPerCpu > 0) p.clock.wallPerCpu = wallPerCpu;
    try {
      p.runStatement(i);
    } catch (e) {
      report.error = safeErrorReport(p, e, statements[i].line);
      pythonEnded = e instanceof PyError && e.excType >= 0;
      break;
    } finally {
      stepOutput.push(written.read().stdout);
    }
    report.steps.push(step(statements[i].code, statements[i].line, p.measure()));
    opts.onStepClock?.(i + 1, p.clock);
  }
  // Py_FinalizeEx: the exit callbacks run after the last statement (or the uncaught exception's
  // traceback); a simulator stop (not supported, internal) ends the run without them
  if (pythonEnded) {
    try {
      runExitFuncs(p.vm);
    } catch (e) {
      report.error ??= safeErrorReport(p, e, 0);
    }
  }
  if (stepOutput.some((x) => x)) report.stepOutput = stepOutput.slice(0, report.steps.length);
  if (p.output) report.output = p.output;
  const errText = p.errOutput.map((e) => e.text).join('');
  if (errText) report.stderr = errText;
  report.numpy = p.numpy;
  return report;
}

/**
 * PYTHONMALLOC as the version reads it: pymalloc (the default) is what the simulator runs;
 * mimalloc makes a version without it (3.11, 3.12) exit at start-up, and is not modelled yet
 * where it exists (3.13: the allocator work); the others are not modelled yet.
 */
export function checkPythonMalloc(env: LibcEnvironment, py: CPythonVersion): void {
  const v = env.pythonMalloc;
  if (v === null || v === 'pymalloc' || v === 'default' || v === 'malloc') return;
  if ((v === 'mimalloc' || v === 'mimalloc_debug') && !py.pythonMallocChoices.includes(v))
    throw new EnvError(
      `Fatal Python error: preconfig_init_allocator: PYTHONMALLOC: unknown allocator (CPython ${py.name} has no mimalloc)`,
    );
  throw new EnvError(`not supported by Highwater yet: PYTHONMALLOC=${v}`);
}

export function step(code: string, line: number, m: StepMeasurement): ReportStep {
  return { code, line, ...m };
}

/**
 * A limit of the JS engine met where no check of the simulator's came first: said as what it is,
 * a limit of Highwater's (or its memory budget), never as a JS message.
 */
export function jsLimitError(e: unknown): PyError | null {
  if (!(e instanceof RangeError)) return null;
  if (/Invalid string length/.test(e.message))
    return new NotSupported(
      `strs of more than ${(2 ** 29 - 24).toLocaleString('en-US')} characters (the JS engine's limit)`,
    );
  if (/Map maximum size|Set maximum size/.test(e.message))
    return new NotSupported("dicts and sets of more than 16,777,216 entries (the JS engine's limit)");
  if (/Maximum BigInt size/.test(e.message))
    return new NotSupported("ints of more than 2**30 bits (the JS engine's limit)");
  if (/Array buffer allocation failed|Invalid typed array length|Invalid array length/.test(e.message)) {
    const stop = new PyError(
      'MemoryError',
      "the simulator's own memory ran out (the JS engine refused a buffer)",
    );
    stop.excType = -1;
    return stop;
  }
  return null;
}

/** errorReport, and if describing the error fails too, an internal error: the steps are kept either way. */
function safeErrorReport(p: PythonProcess, e: unknown, line: number): ReportError {
  try {
    return p.errorReport(e, line);
  } catch (inner) {
    const what = e instanceof Error ? e.message : String(e);
    return {
      type: 'InternalError',
      message: `internal error in Highwater: ${what} (and then: ${inner instanceof Error ? inner.message : String(inner)})`,
      line,
    };
  }
}

/** An LD_PRELOADed allocator's own figures for the report (LibcModel.counters). */
export function preloadedFigures(libc: LibcModel): { in_use: number; free: number; mapped: number } {
  const c = libc.counters();
  return { in_use: c.inUseBytes, free: c.freeBytes, mapped: c.mappedBytes };
}
