import type { Vm } from '../runtime/vm';
import { moduleType, type TypeFactory } from './modtypes';
import { ItemPool } from './pool';
import { reprText } from '../abstract/repr';
import { T, TpFlags, defineType, type TypeSlots } from './types';

/**
 * Struct sequences (Objects/structseq.c: time.struct_time, os.stat_result, sys.version_info …):
 * tuples of a type of their own (a tuple subclass) whose object holds every field, the visible
 * ones (ob_size) and the hidden ones after them: one PyObject_GC_NewVar of 16 + 24 + 8 × fields
 * bytes, no free list. Attribute access by field name.
 */
export interface StructSeqDesc {
  name: string;
  module: string;
  /** All field names; the first `visible` are the sequence's items. */
  fields: readonly string[];
  visible: number;
}

export function structSeqType(desc: StructSeqDesc): TypeFactory {
  return (vm: Vm, id: number): TypeSlots => {
    const tuple = vm.types[T.Tuple];
    const getset: TypeSlots['getset'] = {};
    desc.fields.forEach((f, i) => {
      getset[f] = {
        name: f,
        get: (vm2, h) => {
          const v = vm2.pool.data[vm2.table.ref[h] + i];
          vm2.incref(v);
          return v;
        },
      };
    });
    return defineType({
      id,
      name: desc.name,
      qualname: desc.name,
      module: desc.module,
      basicsize: 24 + 8 * (desc.fields.length - desc.visible),
      itemsize: 8,
      base: T.Tuple,
      flags: TpFlags.HaveGc | TpFlags.TupleSubclass,
      dealloc: (vm2, h) => {
        vm2.gc.untrack(h);
        const off = vm2.table.ref[h];
        const items = Array.from(vm2.pool.data.subarray(off, off + desc.fields.length));
        vm2.pool.release(off, vm2.table.pcap[h]);
        vm2.table.pcap[h] = 0;
        for (const x of items) if (x) vm2.decref(x);
        vm2.gcDel(h);
      },
      traverse: (vm2, h, visit) => {
        const off = vm2.table.ref[h];
        for (let i = 0; i < desc.fields.length; i++) {
          const x = vm2.pool.data[off + i];
          if (x) visit(x);
        }
      },
      reprText: (vm2, h, depth) => {
        const off = vm2.table.ref[h];
        const parts = desc.fields
          .slice(0, desc.visible)
          .map((f, i) => `${f}=${reprText(vm2, vm2.pool.data[off + i], depth + 1)}`);
        return `${desc.module}.${desc.name}(${parts.join(', ')})`;
      },
      sequence: tuple.sequence,
      mapping: tuple.mapping,
      iter: tuple.iter,
      hash: tuple.hash,
      richcompare: tuple.richcompare,
      getset,
    });
  };
}

/** PyStructSequence_New + the fields (stolen): 16 + 24 + 8 × all fields, ob_size = the visible ones. */
export function structSeqNew(
  vm: Vm,
  type: TypeFactory,
  desc: StructSeqDesc,
  fields: readonly number[],
): number {
  const t = moduleType(vm, type);
  const h = vm.newGcObject(t.id, 24 + 8 * desc.fields.length);
  const cap = ItemPool.capacityFor(desc.fields.length);
  const off = vm.pool.alloc(cap);
  vm.table.ref[h] = off;
  vm.table.pcap[h] = cap;
  vm.table.n[h] = desc.visible;
  for (let i = 0; i < desc.fields.length; i++) vm.pool.data[off + i] = fields[i] ?? 0;
  vm.gc.track(h);
  return h;
}
