import { typeError, valueError } from '../abstract/errors';
import { NotSupported } from '../errors';
import { builtinStatic } from '../objects/descr';
import { dictNew, dictSetItem } from '../objects/dict';
import { fromLong, fromSsize, intValue } from '../objects/int';
import { listAppend, listNew } from '../objects/list';
import { moduleData, moduleStatic } from '../objects/module';
import { intern } from '../objects/str';
import { tupleFromItems } from '../objects/tuple';
import { Meth, T, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import type { ModuleSpec } from './registry';
import { invokeGcCallbacks } from './gccallbacks';
import { countedObjects, isCountedObject } from './gcobjects';

/** A static module made at start-up (already imported by the recorder: importing it allocates nothing). */
export function staticModule(vm: Vm, name: string, defs: MethodDef[]): number {
  const m = moduleStatic(vm, name);
  for (const d of defs)
    moduleData(vm, m).attrs.set(d.name, builtinStatic(vm, { ...d, qualname: `${name}.${d.name}` }, name));
  return m;
}

export const def = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
  name,
  flags,
  impl,
});

/** DEBUG_* flags (gcmodule.c): set_debug keeps them; the collector's debug output is not modelled. */
const DEBUG = {
  DEBUG_STATS: 1,
  DEBUG_COLLECTABLE: 2,
  DEBUG_UNCOLLECTABLE: 4,
  DEBUG_SAVEALL: 32,
  DEBUG_LEAK: 38,
};

/** An optional generation argument (None or absent: null), checked as gcmodule.c checks it. */
function generationArg(vm: Vm, a: readonly number[], fallback: number | null): number | null {
  if (a.length === 0 || a[0] === vm.s.None) return fallback;
  const g = Number(intValue(vm, a[0]));
  // gc_collect_impl: "invalid generation" either way; gc_get_objects_impl: -1 is its default (all
  // generations), below it "cannot be negative" (3.11.7)
  if (fallback === null && g === -1) return null;
  if (g < 0) throw valueError(vm, fallback === null ? 'generation parameter cannot be negative' : 'invalid generation');
  if (g >= 3)
    throw valueError(
      vm,
      fallback === null
        ? 'generation parameter must be less than the number of available generations (3)'
        : 'invalid generation',
    );
  return g;
}

/** A new list of `items` (borrowed: each gets a reference), made as PyList_New(0) + appends. */
function listOf(vm: Vm, items: readonly number[], skip = 0): number {
  const l = listNew(vm, 0);
  for (const h of items) {
    if (h === l || h === skip) continue;
    vm.incref(h);
    listAppend(vm, l, h);
  }
  return l;
}

/** The gc module (Modules/gcmodule.c) over the simulated collector (runtime/gc.ts). */
export const gcModule: ModuleSpec = {
  name: 'gc',
  load: (vm) => {
    const gc = vm.gc;
    let debugFlags = 0;
    const m = staticModule(vm, 'gc', [
      def('collect', Meth.Fastcall | Meth.Keywords, (vm2, _s, a) => {
        const g = generationArg(vm2, a, 2) ?? 2;
        return fromSsize(vm2, g < 2 ? gc.collectGeneration(g) : gc.collectFull());
      }),
      def('disable', Meth.NoArgs, (vm2) => ((gc.enabled = false), vm2.s.None)),
      def('enable', Meth.NoArgs, (vm2) => ((gc.enabled = true), vm2.s.None)),
      def('isenabled', Meth.NoArgs, (vm2) => vm2.s.bool(gc.enabled)),
      def('get_count', Meth.NoArgs, (vm2) =>
        tupleFromItems(
          vm2,
          gc.count.map((c) => fromLong(vm2, c)),
        ),
      ),
      def('get_threshold', Meth.NoArgs, (vm2) =>
        tupleFromItems(
          vm2,
          gc.threshold.map((c) => fromLong(vm2, c)),
        ),
      ),
      def('set_threshold', Meth.Varargs, (vm2, _s, a) => {
        if (a.length < 1 || a.length > 3) throw typeError(vm2, 'set_threshold() takes 1 to 3 arguments');
        a.forEach((x, i) => (gc.threshold[i] = Number(intValue(vm2, x))));
        return vm2.s.None;
      }),
      // gc_get_stats_impl: a list of three dicts, each built with Py_BuildValue("{snsnsn}")
      def('get_stats', Meth.NoArgs, (vm2) => {
        const l = listNew(vm2, 0);
        for (let i = 0; i < 3; i++) {
          const d = dictNew(vm2);
          const put = (k: string, v: number): void => {
            const key = intern(vm2, k);
            const val = fromSsize(vm2, v);
            dictSetItem(vm2, d, key, val);
            vm2.decref(key);
            vm2.decref(val);
          };
          put('collections', gc.collections[i]);
          put('collected', gc.collected[i]);
          put('uncollectable', 0);
          listAppend(vm2, l, d);
        }
        return l;
      }),
      def('freeze', Meth.NoArgs, (vm2) => (gc.freeze(), vm2.s.None)),
      def('unfreeze', Meth.NoArgs, (vm2) => (gc.unfreeze(), vm2.s.None)),
      def('get_freeze_count', Meth.NoArgs, (vm2) => fromSsize(vm2, gc.freezeCount)),
      def('get_objects', Meth.Fastcall | Meth.Keywords, (vm2, _s, a, kw) => {
        const arg = a.length ? a : kw?.has('generation') ? [kw.get('generation')!] : [];
        const g = generationArg(vm2, arg, null);
        // gc_get_objects_impl: generation g's list (each of 0, 1, 2 in turn for None); the
        // counted objects (start-up, imports) are each list's oldest, at its head
        const items: number[] = [];
        // (pushed one by one: a spread of 10^5 arguments overflows the JS stack)
        for (let i = g ?? 0; i <= (g ?? 2); i++)
          for (const part of [countedObjects(vm2, i), gc.objects(i)]) for (const h of part) items.push(h);
        return listOf(vm2, items);
      }),
      def('is_tracked', Meth.O, (vm2, _s, a) => vm2.s.bool(gc.isTracked(a[0]) || isCountedObject(vm2, a[0]))),
      def('get_referents', Meth.Varargs, (vm2, _s, a) => {
        const refs: number[] = [];
        for (const o of a)
          if (vm2.typeOf(o).traverse && gc.isTracked(o)) vm2.traverse(o, (r) => void refs.push(r));
        return listOf(vm2, refs);
      }),
      // gc_referrers_for: every tracked object of the three generations whose traverse reaches one of `objs`
      def('get_referrers', Meth.Varargs, (vm2, _s, a, _kw, argsTuple) => {
        const targets = new Set(a);
        const found: number[] = [];
        for (const h of gc.objects(null)) {
          // gc_referrers_for skips the call's own argument tuple (objs), which holds every target
          if (h === argsTuple) continue;
          let hit = false;
          vm2.traverse(h, (r) => {
            if (targets.has(r)) hit = true;
          });
          if (hit) found.push(h);
        }
        return listOf(vm2, found);
      }),
      def('set_debug', Meth.O, (vm2, _s, a) => ((debugFlags = Number(intValue(vm2, a[0]))), vm2.s.None)),
      def('get_debug', Meth.NoArgs, (vm2) => fromSsize(vm2, debugFlags)),
      def('is_finalized', Meth.O, () => {
        throw new NotSupported('gc.is_finalized');
      }),
    ]);
    const attrs = moduleData(vm, m).attrs;
    for (const [k, v] of Object.entries(DEBUG)) attrs.set(k, fromSsize(vm, v));
    // gc.garbage and gc.callbacks: lists made at start-up (the collector never fills garbage: no
    // object is uncollectable in 3.4+ unless DEBUG_SAVEALL)
    for (const name of ['garbage', 'callbacks']) {
      const l = vm.newStatic(T.List); // part of the start-up heap: its 56 bytes are in the recording
      vm.table.n[l] = 0;
      vm.table.cap[l] = 0;
      attrs.set(name, l);
      if (name === 'callbacks') vm.gcCallbacks = (...a) => invokeGcCallbacks(vm, l, ...a);
    }
    return m;
  },
};
