import type { PythonProcess } from '../engine/python/process';
import { typeName } from '../engine/python/interp/repr';
import { T } from '../engine/python/objects/types';
import type { ObjectInfo, PoolDetail } from '../protocol/messages';
import type { SimProcess } from './process';

/** What the buffer an object owns holds, for the labels of the views. */
const OWNS_BUFFER: Partial<Record<number, string>> = {
  [T.Str]: 'text',
  [T.Bytes]: 'data',
  [T.ByteArray]: 'buffer',
  [T.List]: 'item buffer',
  [T.Dict]: 'hash table',
  [T.Set]: 'hash table',
};

/** A PythonProcess as the worker's SimProcess: snapshots, pool details, objects, the report. */
export function adaptPython(p: PythonProcess, report: () => string): SimProcess {
  const objectsIn = (from: number, to: number): ObjectInfo[] => {
    const t = p.vm.table;
    const out: ObjectInfo[] = [];
    for (let h = 1; h < t.capacity && out.length < 64; h++) {
      const type = t.type[h];
      if (type === 0) continue;
      const name = typeName(p.vm, h);
      const a = t.addr[h];
      if (a >= from && a < to)
        out.push({
          address: a,
          label: type === T.List || type === T.Tuple ? `${name} of ${t.n[h].toLocaleString('en-US')}` : name,
        });
      const b = t.ptr[h];
      if (b >= from && b < to && OWNS_BUFFER[type])
        out.push({
          address: b,
          label: `${OWNS_BUFFER[type]} of a ${name} of ${t.n[h].toLocaleString('en-US')}`,
        });
    }
    return out.sort((x, y) => x.address - y.address);
  };
  return {
    kernel: p.kernel,
    glibc: p.glibc,
    arenas: p.pymalloc,
    load: (source) => p.load(source),
    runStatement: (i) => p.runStatement(i),
    report,
    objectsIn,
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
