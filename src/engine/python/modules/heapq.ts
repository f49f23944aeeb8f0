import { checkPositional } from '../objects/getargs';
import { heapify, heappop, heappush, heappushpop, heapreplace } from '../objects/heapq';
import { Meth, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { functionStatic, NativeCode } from '../objects/func';
import { nlargest, nsmallest } from './heapqpy';
import { fn, makeModule } from './module';
import { moduleData } from '../objects/module';
import { makeHeapqMerge } from './heapqmerge';
import type { ModuleSpec } from './registry';

/**
 * heapq (Lib/heapq.py over the C module _heapq): the C functions (objects/heapq.ts), and
 * nlargest/nsmallest as their Python code runs (heapqpy.ts; function objects whose code is
 * TypeScript). merge (a generator function) runs as
 * Python (heapqmerge.ts).
 */

const pos = (
  name: string,
  min: number,
  max: number,
  impl: (vm: Vm, a: readonly number[]) => number,
): MethodDef =>
  fn(name, Meth.Fastcall, (vm, _m, a) => {
    checkPositional(vm, name, a.length, min, max);
    return impl(vm, a);
  });

const HEAPQ_FUNCTIONS: MethodDef[] = [
  pos('heappush', 2, 2, (vm, a) => (heappush(vm, a[0], a[1]), vm.s.None)),
  fn('heappop', Meth.O, (vm, _m, a) => heappop(vm, a[0])),
  pos('heapreplace', 2, 2, (vm, a) => heapreplace(vm, a[0], a[1])),
  pos('heappushpop', 2, 2, (vm, a) => heappushpop(vm, a[0], a[1])),
  fn('heapify', Meth.O, (vm, _m, a) => (heapify(vm, a[0]), vm.s.None)),
  fn('_heappop_max', Meth.O, (vm, _m, a) => heappop(vm, a[0], true)),
  pos('_heapreplace_max', 2, 2, (vm, a) => heapreplace(vm, a[0], a[1], true)),
  fn('_heapify_max', Meth.O, (vm, _m, a) => (heapify(vm, a[0], true), vm.s.None)),
];

export const heapqModule: ModuleSpec = {
  name: 'heapq',
  load: (vm) => {
    const m = makeModule(vm, 'heapq', HEAPQ_FUNCTIONS, {
      nlargest: functionStatic(vm, new NativeCode(null, nlargest), 'nlargest'),
      nsmallest: functionStatic(vm, new NativeCode(null, nsmallest), 'nsmallest'),
    });
    const attrs = moduleData(vm, m).attrs;
    const names = ['heapify', 'heappop', 'heapreplace', '_heapify_max', '_heappop_max', '_heapreplace_max'];
    attrs.set('merge', makeHeapqMerge(vm, Object.fromEntries(names.map((n) => [n, attrs.get(n)!]))));
    return m;
  },
};
