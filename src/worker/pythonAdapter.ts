import { globalBindings, pythonOwnerLookup } from '../engine/python/owners';
import { objectsWithParts } from './objectParts';
import type { PythonProcess } from '../engine/python/process';
import type { ObjectInfo, PoolDetail, RunEnvironment } from '../protocol/messages';
import type { SimProcess } from './process';

/** A PythonProcess as the worker's SimProcess: snapshots, pool details, objects, print output. */
export function adaptPython(
  p: PythonProcess,
  environment: RunEnvironment,
  report: () => string,
): SimProcess & { output: () => string } {
  const objectsIn = (from: number, to: number): ObjectInfo[] => objectsWithParts(p, from, to);
  return {
    kernel: p.kernel,
    libc: p.libc,
    arenas: p.pymalloc,
    clock: p.clock,
    environment,
    unitDetail: (address) => p.libc.unitDetail?.(address) ?? null,
    load: (source) => p.load(source),
    runStatement: (i) => p.runStatement(i),
    pauseAt: (events) => p.pauseAt(events),
    hostBytes: () => p.vm.hostMem.used(p.vm.table, p.vm.pool),
    report,
    objectsIn,
    output: () => p.output,
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
