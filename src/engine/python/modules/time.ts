import { raiseString, typeError } from '../abstract/errors';
import { E } from '../objects/exctypes';
import { fromDouble } from '../objects/float';
import { fromLong, intValue } from '../objects/int';
import { Meth, T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { def, staticModule } from './gc';
import { interpOf } from './host';
import type { ModuleSpec } from './registry';

/**
 * time (Modules/timemodule.c) on the simulated clock (kernel/clock.ts, advanced by eval/threads.ts):
 * sleep lets the other threads run and time pass; monotonic, perf_counter and process_time read the
 * simulated CLOCK_MONOTONIC; time() is that clock from a fixed start (EPOCH_START_S), so a run
 * reads the same times on every machine. Already imported in the recorder's process: no footprint.
 */
const EPOCH_START_S = 1_764_892_800; // 2025-12-05 00:00:00 UTC

function seconds(vm: Vm, h: number): number {
  const t = vm.table.type[h];
  if (t === T.Float) return vm.table.num[h];
  if (t === T.Int || t === T.Bool) return Number(intValue(vm, h));
  throw typeError(vm, "'%.200s' object cannot be interpreted as an integer or float", vm.typeOf(h).name);
}

export const timeModule: ModuleSpec = {
  name: 'time',
  load: (vm) => {
    const now = () => interpOf(vm).threads.now();
    const mono = (vm2: Vm) => fromDouble(vm2, now() / 1e9);
    const monoNs = (vm2: Vm) => fromLong(vm2, BigInt(Math.round(now())));
    return staticModule(vm, 'time', [
      def('sleep', Meth.O, (vm2, _s, a) => {
        const s = seconds(vm2, a[0]);
        if (s < 0) throw raiseString(vm2, E.ValueError, 'sleep length must be non-negative');
        interpOf(vm2).threads.sleep(Math.round(s * 1e9));
        return vm2.s.None;
      }),
      def('time', Meth.NoArgs, (vm2) => fromDouble(vm2, EPOCH_START_S + now() / 1e9)),
      def('time_ns', Meth.NoArgs, (vm2) =>
        fromLong(vm2, BigInt(EPOCH_START_S) * 1_000_000_000n + BigInt(Math.round(now()))),
      ),
      def('monotonic', Meth.NoArgs, mono),
      def('monotonic_ns', Meth.NoArgs, monoNs),
      def('perf_counter', Meth.NoArgs, mono),
      def('perf_counter_ns', Meth.NoArgs, monoNs),
      def('process_time', Meth.NoArgs, mono),
      def('process_time_ns', Meth.NoArgs, monoNs),
    ]);
  },
};
