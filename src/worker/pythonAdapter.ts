import { globalBindings, pythonOwnerLookup } from '../engine/python/owners';
import { objectsWithParts } from './objectParts';
import type { PythonProcess } from '../engine/python/process';
import type { OutputReader } from '../engine/python/outputReader';
import { EventLimitReached } from '../engine/trace/eventLog';
import { PyError } from '../engine/python/errors';
import { runExitFuncs } from '../engine/python/modules/atexitmod';
import type { ObjectInfo, PoolDetail, RunEnvironment } from '../protocol/messages';
import type { SimProcess } from './process';

/** A PythonProcess as the worker's SimProcess: snapshots, pool details, objects, print output. */
export function adaptPython(
  p: PythonProcess,
  environment: RunEnvironment,
  report: () => string,
): SimProcess & { outputReader: () => OutputReader } {
  const objectsIn = (from: number, to: number): ObjectInfo[] => objectsWithParts(p, from, to);
  let statements = 0;
  return {
    kernel: p.kernel,
    libc: p.libc,
    arenas: p.pymalloc,
    clock: p.clock,
    environment,
    unitDetail: (address) => p.libc.unitDetail?.(address) ?? null,
    load: (source) => {
      const list = p.load(source);
      statements = list.length;
      return list;
    },
    // Py_FinalizeEx's atexit callbacks run inside the last statement's step (after it ends, or after
    // the traceback of the exception that ended the run), so a replay of that statement runs them too;
    // a simulator stop ends the run without them, as the CLI's runScript does
    runStatement(i: number): boolean {
      let done: boolean;
      try {
        done = p.runStatement(i);
      } catch (e) {
        const d = described(p, e);
        if (e instanceof PyError && e.excType >= 0) atExit(p);
        throw d;
      }
      if (done && i === statements - 1) atExit(p);
      return done;
    },
    pauseAt: (events) => p.pauseAt(events),
    hostBytes: () => p.vm.hostMem.used(p.vm.table, p.vm.pool),
    report,
    objectsIn,
    outputReader: () => p.outputReader(),
    bindings: () => globalBindings(p),
    owners: (before) => pythonOwnerLookup(p, before),
    poolDetail(address: number): PoolDetail | null {
      const info = p.pymalloc.poolInfo(address);
      const blocks = p.pymalloc.blockStates(address);
      if (!info || !blocks) return null;
      const objects = objectsIn(info.address, info.address + 16384).map((o) => ({
        block: Math.floor((o.address - info.address - 48) / info.blockSize),
        label: o.label,
      }));
      return { ...info, states: blocks.states, freeOrder: blocks.freeOrder, objects };
    },
  };
}

/**
 * The error a statement ended with, as the CLI reports it (PythonProcess.errorReport): an uncaught
 * exception normalized and printed as PyErr_Print does, with CPython's whole text. The printing
 * allocates (the normalized exception, str() of its message, a __str__ written in Python), so it runs
 * here, inside the statement, in the first run and in every replay alike: a landing on any of its
 * events finds the same process. A replay told to stand at an event inside it stands there
 * (EventLimitReached passes through); an internal failure stays the JS error it was (toScriptError
 * names it as ours, with its JS name).
 */
/** The exit callbacks (modules/atexitmod.ts); an error in them ends the run as a statement's would. */
function atExit(p: PythonProcess): void {
  try {
    runExitFuncs(p.vm);
  } catch (e) {
    throw described(p, e);
  }
}

function described(p: PythonProcess, e: unknown): unknown {
  if (e instanceof EventLimitReached) return e;
  let r: ReturnType<PythonProcess['errorReport']>;
  try {
    r = p.errorReport(e, 0);
  } catch (inner) {
    return inner instanceof EventLimitReached ? inner : e;
  }
  if (r.type === 'InternalError') return e;
  return {
    name: 'DescribedError',
    pyType: r.type,
    message: r.message,
    line: r.line,
    column: r.column,
    text: r.text,
  };
}
