import { call } from '../abstract/call';
import { delItem, getItem, setItem } from '../abstract/item';
import { lengthHint } from '../abstract/iter';
import { NB_OF, binaryOp, index, inplaceOp, unaryOp } from '../abstract/number';
import { contains, isTrue } from '../abstract/object';
import { richCompare, richCompareBool } from '../abstract/compare';
import { getIter, iterNext } from '../abstract/iter';
import { asSsize } from '../abstract/number';
import { raiseString } from '../abstract/errors';
import { E } from '../objects/exctypes';
import { typeError } from '../abstract/errors';
import { checkPositional } from '../objects/getargs';
import { fromSsize } from '../objects/int';
import { moduleType } from '../objects/modtypes';
import { AttrGetterType, ItemGetterType, MethodCallerType } from '../objects/operatorobjects';
import { Cmp, Meth, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { fn, makeModule } from './module';
import type { ModuleSpec } from './registry';

/**
 * operator (Lib/operator.py, whose names come from the C module _operator,
 * Modules/_operator.c): each function is the abstract-layer call it names (PyNumber_Add,
 * PyObject_GetItem …), so it allocates what that operation allocates and nothing else.
 */

const two = (name: string, f: (vm: Vm, a: number, b: number) => number): MethodDef =>
  fn(name, Meth.Fastcall, (vm, _m, a) => {
    checkPositional(vm, name, a.length, 2, 2);
    return f(vm, a[0], a[1]);
  });
const one = (name: string, f: (vm: Vm, a: number) => number): MethodDef =>
  fn(name, Meth.O, (vm, _m, a) => f(vm, a[0]));

const BINARY: [string, string][] = [
  ['add', '+'],
  ['sub', '-'],
  ['mul', '*'],
  ['matmul', '@'],
  ['truediv', '/'],
  ['floordiv', '//'],
  ['mod', '%'],
  ['pow', '**'],
  ['lshift', '<<'],
  ['rshift', '>>'],
  ['and_', '&'],
  ['or_', '|'],
  ['xor', '^'],
];
const COMPARE: [string, Cmp][] = [
  ['lt', Cmp.LT],
  ['le', Cmp.LE],
  ['eq', Cmp.EQ],
  ['ne', Cmp.NE],
  ['gt', Cmp.GT],
  ['ge', Cmp.GE],
];

function functions(): MethodDef[] {
  const out: MethodDef[] = [];
  for (const [name, op] of BINARY) {
    out.push(two(name, (vm, a, b) => binaryOp(vm, NB_OF[op], a, b)));
    const iname = `i${name.replace(/_$/, '')}`;
    out.push(two(iname, (vm, a, b) => inplaceOp(vm, NB_OF[op], a, b)));
  }
  for (const [name, op] of COMPARE) out.push(two(name, (vm, a, b) => richCompare(vm, a, b, op)));
  out.push(
    one('neg', (vm, a) => unaryOp(vm, '-', a)),
    one('pos', (vm, a) => unaryOp(vm, '+', a)),
    one('abs', (vm, a) => unaryOp(vm, 'abs', a)),
    one('inv', (vm, a) => unaryOp(vm, '~', a)),
    one('invert', (vm, a) => unaryOp(vm, '~', a)),
    one('not_', (vm, a) => vm.s.bool(!isTrue(vm, a))),
    one('truth', (vm, a) => vm.s.bool(isTrue(vm, a))),
    one('index', (vm, a) => index(vm, a)),
    two('is_', (vm, a, b) => vm.s.bool(a === b)),
    two('is_not', (vm, a, b) => vm.s.bool(a !== b)),
    two('contains', (vm, a, b) => vm.s.bool(contains(vm, a, b))),
    two('countOf', (vm, a, b) => fromSsize(vm, countOf(vm, a, b))),
    two('indexOf', (vm, a, b) => fromSsize(vm, indexOf(vm, a, b))),
    two('getitem', (vm, a, b) => getItem(vm, a, b)),
    two('concat', (vm, a, b) => concat(vm, a, b, false)),
    two('iconcat', (vm, a, b) => concat(vm, a, b, true)),
    fn('setitem', Meth.Fastcall, (vm, _m, a) => {
      checkPositional(vm, 'setitem', a.length, 3, 3);
      setItem(vm, a[0], a[1], a[2]);
      return vm.s.None;
    }),
    two('delitem', (vm, a, b) => (delItem(vm, a, b), vm.s.None)),
    fn('length_hint', Meth.Fastcall, (vm, _m, a) => {
      checkPositional(vm, 'length_hint', a.length, 1, 2);
      return fromSsize(vm, lengthHint(vm, a[0], a.length > 1 ? asSsize(vm, a[1], E.OverflowError) : 0));
    }),
    fn('call', Meth.Fastcall | Meth.Keywords, (vm, _m, a, kw) => {
      if (a.length < 1) throw typeError(vm, 'call() missing required argument: obj');
      return call(vm, a[0], a.slice(1), kw);
    }),
  );
  return out;
}

/** _PySequence_IterSearch: iterate, comparing each item with ==; COUNT counts, INDEX stops at the first. */
function iterSearch(vm: Vm, seq: number, obj: number, count: boolean): number {
  const it = getIter(vm, seq);
  let n = 0;
  try {
    for (let i = 0, item = iterNext(vm, it); item !== 0; i++, item = iterNext(vm, it)) {
      let eq: boolean;
      try {
        eq = richCompareBool(vm, item, obj, Cmp.EQ);
      } finally {
        vm.decref(item);
      }
      if (eq) {
        if (!count) return i;
        n++;
      }
    }
  } finally {
    vm.decref(it);
  }
  if (!count) throw raiseString(vm, E.ValueError, 'sequence.index(x): x not in sequence');
  return n;
}
const countOf = (vm: Vm, a: number, b: number): number => iterSearch(vm, a, b, true);
const indexOf = (vm: Vm, a: number, b: number): number => iterSearch(vm, a, b, false);

/** _operator_concat_impl / iconcat: both sides must be sequences (tp_as_sequence with sq_concat). */
function concat(vm: Vm, a: number, b: number, inplace: boolean): number {
  if (!vm.typeOf(a).sequence?.concat && vm.typeOf(a).sequence === null)
    throw typeError(vm, "'%.200s' object can't be concatenated", vm.typeOf(a).name);
  return inplace ? inplaceOp(vm, NB_OF['+'], a, b) : binaryOp(vm, NB_OF['+'], a, b);
}

export const operatorModule: ModuleSpec = {
  name: 'operator',
  load(vm) {
    return makeModule(vm, 'operator', functions(), {
      itemgetter: moduleType(vm, ItemGetterType).typeObject,
      attrgetter: moduleType(vm, AttrGetterType).typeObject,
      methodcaller: moduleType(vm, MethodCallerType).typeObject,
    });
  },
};
