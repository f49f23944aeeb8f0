import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { selfIter } from './rangeobject';
import { Meth, T, TpFlags, defineType, type Visit, type TypeSlots } from './types';

/**
 * Generator objects (Objects/genobject.c): PyGenObject embeds its frame, so it is 16 (GC) + 80 +
 * 8 × co_framesize bytes. What runs the frame belongs to the interpreter; the object only holds
 * it through this interface (the eval loop resumes it, the collector walks it, deallocation
 * closes it).
 */
export const GEN_BASIC = 80;

export interface SuspendedFrame {
  /** The generator's name (co_name: '<genexpr>', or the function's). */
  readonly name: string;
  /** gen_iternext: run to the next yield; a new reference, or 0 when the frame returned. */
  resume(vm: Vm): number;
  /** gen_traverse: the references the suspended frame holds. */
  traverse(visit: Visit): void;
  /** gen_dealloc's close: release what a suspended frame holds (finally blocks would run here). */
  close(vm: Vm): void;
}

/** _Py_MakeCoro (RETURN_GENERATOR): the generator object around a frame of `framesize` words. */
export function generatorNew(vm: Vm, framesize: number, frame: SuspendedFrame): number {
  const g = vm.newGcObject(T.Generator, GEN_BASIC + 8 * framesize);
  vm.table.side[g] = frame;
  vm.gc.track(g);
  return g;
}

const frameOf = (vm: Vm, g: number): SuspendedFrame => vm.table.side[g] as SuspendedFrame;

export const GeneratorType = (): TypeSlots =>
  defineType({
    id: T.Generator,
    name: 'generator',
    basicsize: GEN_BASIC,
    itemsize: 8,
    flags: TpFlags.HaveGc,
    dealloc: (vm, g) => {
      vm.gc.untrack(g);
      frameOf(vm, g).close(vm);
      vm.gcDel(g);
    },
    traverse: (vm, g, visit) => frameOf(vm, g).traverse(visit),
    reprText: (vm, g) => `<generator object ${frameOf(vm, g).name} at 0x${vm.id(g).toString(16)}>`,
    iter: selfIter,
    iternext: (vm, g) => frameOf(vm, g).resume(vm),
    methods: {
      close: {
        name: 'close',
        flags: Meth.NoArgs,
        qualname: 'generator.close',
        impl: (vm, g) => {
          frameOf(vm, g).close(vm);
          return vm.s.None;
        },
      },
      send: {
        name: 'send',
        flags: Meth.O,
        qualname: 'generator.send',
        impl: () => {
          throw new NotSupported('generator.send()');
        },
      },
    },
  });
