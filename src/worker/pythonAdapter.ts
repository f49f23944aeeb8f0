import type { GlibcMalloc } from '../engine/glibc/malloc';
import type { Kernel } from '../engine/kernel/kernel';
import type { Pymalloc } from '../engine/pymalloc';
import type { ObjectInfo, PoolDetail, StatementInfo } from '../protocol/messages';
import type { SimProcess } from './process';

/** The parts of the interpreter's object table the page reads (src/engine/python/objects/table.ts). */
interface ObjectTableLike {
  capacity: number;
  type: Uint8Array;
  addr: Float64Array;
  ptr: Float64Array;
  n: Float64Array;
}

/** What PythonProcess offers (src/engine/python), read structurally so this file compiles without it. */
export interface PythonProcessLike {
  kernel: Kernel;
  glibc: GlibcMalloc;
  pymalloc: Pymalloc;
  load(source: string): StatementInfo[];
  runStatement(i: number): void;
  vm?: { table: ObjectTableLike };
}

/** Type ids of src/engine/python/objects/types.ts (T), for labels. */
const TYPE_NAMES: Record<number, string> = {
  1: 'None',
  2: 'bool',
  3: 'int',
  4: 'float',
  5: 'str',
  6: 'bytes',
  7: 'bytearray',
  8: 'list',
  9: 'tuple',
  10: 'dict',
  11: 'set',
  12: 'frozenset',
  13: 'range',
  14: 'range_iterator',
  16: 'list_iterator',
  17: 'tuple_iterator',
  18: 'function',
  20: 'module',
  21: 'object',
  22: 'generator',
  23: 'slice',
  28: 'cell',
  30: 'type',
  35: 'code',
};
const OWNS_BUFFER: Record<number, string> = {
  5: 'text',
  6: 'data',
  7: 'buffer',
  8: 'item buffer',
  10: 'hash table',
  11: 'hash table',
};

/** A PythonProcess as the worker's SimProcess: snapshots, pool details, objects, the report. */
export function adaptPython(p: PythonProcessLike, report: (source: string) => string): SimProcess {
  const objectsIn = (from: number, to: number): ObjectInfo[] => {
    const t = p.vm?.table;
    if (!t) return [];
    const out: ObjectInfo[] = [];
    for (let h = 1; h < t.capacity && out.length < 64; h++) {
      const type = t.type[h];
      if (type === 0) continue;
      const name = TYPE_NAMES[type] ?? (type >= 64 ? 'ndarray' : `type ${type}`);
      const a = t.addr[h];
      if (a >= from && a < to)
        out.push({
          address: a,
          label: type === 8 || type === 9 ? `${name} of ${t.n[h].toLocaleString('en-US')}` : name,
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
