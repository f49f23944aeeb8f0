import { bytearrayDealloc } from '../objects/bytes';
import { dictClear, dictDealloc, dictTraverse } from '../objects/dict';
import { floatDealloc } from '../objects/float';
import {
  boundBuiltinDealloc,
  cellDealloc,
  functionClear,
  functionDealloc,
  functionTraverse,
  sliceDealloc,
  sliceParts,
} from '../objects/func';
import { iterDealloc, iterTraverse, rangeDealloc } from '../objects/iter';
import { iterTypeDealloc, iterTypeTraverse } from '../objects/itertypes';
import { listClear, listDealloc, listTraverse } from '../objects/list';
import { setClear, setDealloc, setTraverse } from '../objects/set';
import { tupleDealloc, tupleTraverse } from '../objects/tuple';
import { T } from '../objects/types';
import type { Vm } from './vm';

type Visit = (ref: number, times?: number) => void;

/** tp_dealloc by type. */
export function deallocObject(vm: Vm, h: number): void {
  const type = vm.table.type[h];
  switch (type) {
    case T.Int:
    case T.Str:
    case T.Bytes:
    case T.Object:
      vm.objectFree(h);
      return;
    case T.Float:
      floatDealloc(vm, h);
      return;
    case T.ByteArray:
      bytearrayDealloc(vm, h);
      return;
    case T.List:
      listDealloc(vm, h);
      return;
    case T.Tuple:
      tupleDealloc(vm, h);
      return;
    case T.Dict:
      dictDealloc(vm, h);
      return;
    case T.Set:
    case T.FrozenSet:
      setDealloc(vm, h);
      return;
    case T.Range:
      rangeDealloc(vm, h);
      return;
    case T.RangeIter:
    case T.LongRangeIter:
    case T.ListIter:
    case T.TupleIter:
    case T.StrIter:
    case T.DictIter:
    case T.SetIter:
    case T.DictView:
      iterDealloc(vm, h);
      return;
    case T.Enumerate:
    case T.Zip:
    case T.ListRevIter:
      iterTypeDealloc(vm, h);
      return;
    case T.Function:
      functionDealloc(vm, h);
      return;
    case T.Cell:
      cellDealloc(vm, h);
      return;
    case T.Slice:
      sliceDealloc(vm, h);
      return;
    case T.BoundBuiltin:
      boundBuiltinDealloc(vm, h);
      return;
    case T.Generator:
    case T.CDLL:
    case T.CFunc:
      vm.hooks.dealloc(h);
      return;
    default: {
      const ext = vm.extensions[type];
      if (ext) {
        ext.dealloc(h);
        return;
      }
      throw new Error(`internal: no deallocator for type ${type}`);
    }
  }
}

/** tp_traverse by type: the references a container holds (what the collector follows). */
export function traverseObject(vm: Vm, h: number, visit: Visit): void {
  const t = vm.table;
  switch (t.type[h]) {
    case T.List:
      listTraverse(vm, h, visit);
      return;
    case T.Tuple:
      tupleTraverse(vm, h, visit);
      return;
    case T.Dict:
      dictTraverse(vm, h, visit);
      return;
    case T.Set:
    case T.FrozenSet:
      setTraverse(vm, h, visit);
      return;
    case T.ListIter:
    case T.TupleIter:
    case T.StrIter:
    case T.DictIter:
    case T.SetIter:
    case T.DictView:
      iterTraverse(vm, h, visit);
      return;
    case T.Enumerate:
    case T.Zip:
    case T.ListRevIter:
      iterTypeTraverse(vm, h, visit);
      return;
    case T.Function:
      functionTraverse(vm, h, visit);
      return;
    case T.Cell:
    case T.BoundBuiltin:
      if (t.ref[h]) visit(t.ref[h]);
      return;
    case T.Slice:
      for (const r of sliceParts(vm, h)) visit(r);
      return;
    case T.Generator:
    case T.CDLL:
    case T.CFunc:
      vm.hooks.traverse(h, visit);
      return;
    default:
      vm.extensions[t.type[h]]?.traverse?.(h, visit);
  }
}

/** tp_clear by type: break the references so a cycle falls apart. */
export function clearObject(vm: Vm, h: number): void {
  const t = vm.table;
  switch (t.type[h]) {
    case T.List:
      listClear(vm, h);
      return;
    case T.Dict:
      dictClear(vm, h);
      return;
    case T.Set:
      setClear(vm, h);
      return;
    case T.Function:
      functionClear(vm, h);
      return;
    case T.Cell: {
      const v = t.ref[h];
      t.ref[h] = 0;
      vm.xdecref(v);
      return;
    }
    case T.Generator:
      vm.hooks.clear(h);
      return;
    default:
      // tuples, iterators and slices have no tp_clear in CPython either: another member of the
      // cycle breaks it.
      return;
  }
}
