import { globalBindings, pythonOwnerLookup } from '../engine/python/owners';
import { objectsWithParts } from './objectParts';
import type { PythonProcess } from '../engine/python/process';
import type { OutputReader } from '../engine/python/outputReader';
import { EventLimitReached } from '../engine/trace/eventLog';
import type { ObjectInfo, PoolDetail, RunEnvironment } from '../protocol/messages';
import type { SimProcess } from './process';

/** A PythonProcess as the worker's SimProcess: snapshots, pool details, objects, print output. */
export function adaptPython(
  p: PythonProcess,
  environment: RunEnvironment,
  report: () => string,
): SimProcess & { outputReader: () => OutputReader } {
  const objectsIn = (from: number, to: number): ObjectInfo[] => objectsWithParts(p, from, to);
  return {
    kernel: p.kernel,
    libc: p.libc,
    arenas: p.pymalloc,
    clock: p.clock,
    environment,
    unitDetail: (address) => p.libc.unitDetail?.(address) ?? null,
    load: (source) => p.load(source),
    runStatement(i: number): boolean {
      try {
        return p.runStatement(i);
      } catch (e) {
        throw described(p, e);
      }
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
