import { call } from '../abstract/call';
import { richCompare } from '../abstract/compare';
import { raiseString } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { parseTupleAndKeywords } from './getargs';
import { tupleItems } from './tuple';
import { TpFlags, defineType, type TypeSlots } from './types';

/**
 * functools.KeyWrapper (Modules/_functoolsmodule.c keyobject, 16 GC + 32 bytes), what
 * cmp_to_key returns: calling it (tp_call, so an argument tuple is packed) makes another
 * KeyWrapper holding the object; comparing two calls the user's function with both objects and
 * compares its result with 0.
 */
interface KeyState {
  cmp: number;
  object: number;
}

const ks = (vm: Vm, h: number): KeyState => vm.table.side[h] as KeyState;

function keyCall(vm: Vm, h: number, args: number, kwargs: number): number {
  const [object] = parseTupleAndKeywords(vm, 'K', Array.from(tupleItems(vm, args)), kwargs, ['obj'], 1);
  const k = vm.newGcObject(vm.table.type[h], 32);
  const s = ks(vm, h);
  vm.incref(s.cmp);
  vm.incref(object);
  vm.table.side[k] = { cmp: s.cmp, object } satisfies KeyState;
  vm.gc.track(k);
  return k;
}

function keyRichcompare(vm: Vm, a: number, b: number, op: number): number {
  if (vm.table.type[b] !== vm.table.type[a])
    throw raiseString(vm, E.TypeError, 'other argument must be K instance');
  const x = ks(vm, a).object;
  const y = ks(vm, b).object;
  if (!x || !y) throw raiseString(vm, E.AttributeError, 'object');
  const res = call(vm, ks(vm, a).cmp, [x, y], null);
  try {
    return richCompare(vm, res, vm.s.smallInt(0), op);
  } finally {
    vm.decref(res);
  }
}

export const KeyWrapperType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'KeyWrapper',
    module: 'functools',
    basicsize: 32,
    flags: TpFlags.HaveGc,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      const s = ks(vm, h);
      vm.xdecref(s.cmp);
      vm.xdecref(s.object);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      const s = ks(vm, h);
      if (s.cmp) visit(s.cmp);
      if (s.object) visit(s.object);
    },
    call: keyCall,
    richcompare: keyRichcompare,
    hash: (vm) => {
      throw raiseString(vm, E.TypeError, "unhashable type: 'functools.KeyWrapper'");
    },
    members: {
      obj: {
        name: 'obj',
        get: (vm, h) => {
          const o = ks(vm, h).object || vm.s.None;
          vm.incref(o);
          return o;
        },
        set: (vm, h, v) => {
          const s = ks(vm, h);
          const old = s.object;
          if (v) vm.incref(v);
          s.object = v;
          vm.xdecref(old);
        },
      },
    },
  });
