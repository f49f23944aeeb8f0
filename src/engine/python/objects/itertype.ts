import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { genericAlloc } from './object';
import { selfIter } from './rangeobject';
import { TpFlags, defineType, type MethodDef, type TypeSlots } from './types';

/**
 * The shape every itertools object shares (Modules/itertoolsmodule.c): a GC object whose fields
 * are object pointers (released in declaration order by tp_dealloc, visited by tp_traverse) plus
 * plain counters, its own iterator, and a tp_new. The fields live in the side data as a record;
 * `refs` names the ones that hold references (0 = NULL).
 */
export type IterFields = object;

export interface IterTypeSpec<S extends IterFields> {
  name: string;
  /** tp_basicsize, without the GC head. */
  basicsize: number;
  refs: readonly (keyof S & string)[];
  next: (vm: Vm, h: number, s: S) => number;
  new?: TypeSlots['new'];
  text?: (vm: Vm, h: number, s: S, depth: number) => string;
  methods?: MethodDef[];
  /** What tp_dealloc frees after the references (PyMem blocks the object owns). */
  free?: (vm: Vm, s: S) => void;
  /** Not a base type (most itertools types are BASETYPE; the helpers are not). */
  final?: boolean;
  typeVectorcall?: TypeSlots['typeVectorcall'];
}

export const iterState = <S extends IterFields>(vm: Vm, h: number): S => vm.table.side[h] as S;

/** type->tp_alloc (PyType_GenericAlloc: zeroed, tracked) with the fields set. */
export function allocIter<S extends IterFields>(vm: Vm, type: TypeSlots, fields: S): number {
  const h = genericAlloc(vm, type, 0);
  vm.table.side[h] = fields;
  return h;
}

/** PyObject_GC_New + PyObject_GC_Track (the helpers made by the module itself, not by a type's tp_new). */
export function gcNewIter<S extends IterFields>(vm: Vm, type: TypeSlots, fields: S): number {
  const h = vm.newGcObject(type.id, type.basicsize);
  vm.table.side[h] = fields;
  vm.gc.track(h);
  return h;
}

/** Release field `k` (Py_CLEAR). */
export function clearField<S extends IterFields>(vm: Vm, s: S, k: keyof S & string): void {
  const r = s as unknown as Record<string, number>;
  const v = r[k];
  if (v !== 0) {
    r[k] = 0;
    vm.decref(v);
  }
}

export function iterType<S extends IterFields>(id: number, spec: IterTypeSpec<S>): TypeSlots {
  return defineType({
    id,
    name: spec.name,
    module: 'itertools',
    basicsize: spec.basicsize,
    flags: TpFlags.HaveGc | (spec.final ? 0 : TpFlags.BaseType),
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      const s = vm.table.side[h] as S | undefined;
      if (s !== undefined) {
        for (const k of spec.refs) clearField(vm, s, k);
        spec.free?.(vm, s);
      }
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      const s = vm.table.side[h] as S | undefined;
      if (s === undefined) return;
      const r = s as unknown as Record<string, number>;
      for (const k of spec.refs) if (r[k] !== 0) visit(r[k]);
    },
    clear: (vm, h) => {
      const s = vm.table.side[h] as S | undefined;
      if (s !== undefined) for (const k of spec.refs) clearField(vm, s, k);
    },
    reprText: spec.text ? (vm, h, depth) => spec.text!(vm, h, iterState<S>(vm, h), depth) : null,
    iter: selfIter,
    iternext: (vm, h) => spec.next(vm, h, iterState<S>(vm, h)),
    new: spec.new ?? null,
    typeVectorcall: spec.typeVectorcall ?? null,
    methods: Object.fromEntries(
      [...(spec.methods ?? []), reduceNotModelled(spec.name)].map((m) => [m.name, m]),
    ),
  });
}

/** __reduce__ / __setstate__ (pickling) are not modelled. */
function reduceNotModelled(name: string): MethodDef {
  return {
    name: '__reduce__',
    flags: 0x4,
    impl: () => {
      throw new NotSupported(`pickling an itertools.${name}`);
    },
  };
}
