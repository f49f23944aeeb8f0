import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { BLOCKLEN, dequeState, mutatedDuringIteration, type Block } from './deque';
import { fromSsize } from './int';
import { moduleType } from './modtypes';
import { selfIter } from './rangeobject';
import { Meth, TpFlags, defineType, type TypeSlots } from './types';

/**
 * _collections._deque_iterator and _deque_reverse_iterator (dequeiterobject: 16 GC + 56 bytes:
 * the block and index it is at, the deque, the deque's state when it started, and a countdown).
 * A deque that moved its indices since makes the next step a RuntimeError.
 */
interface DequeIterState {
  b: Block;
  index: number;
  deque: number;
  state: number;
  counter: number;
}

const DEQUEITER_BASIC = 56;

export function dequeIterNew(vm: Vm, deque: number, reverse: boolean): number {
  const type = moduleType(vm, reverse ? DequeRevIterType : DequeIterType);
  const h = vm.newGcObject(type.id, DEQUEITER_BASIC);
  const d = dequeState(vm, deque);
  vm.incref(deque);
  vm.table.side[h] = {
    b: reverse ? d.rightblock : d.leftblock,
    index: reverse ? d.rightindex : d.leftindex,
    deque,
    state: d.state,
    counter: vm.table.n[deque],
  } satisfies DequeIterState;
  vm.gc.track(h);
  return h;
}

const iterState = (vm: Vm, h: number): DequeIterState => vm.table.side[h] as DequeIterState;

/** dequeiter_next: the state check comes before the end check. */
function dequeIterNext(vm: Vm, h: number): number {
  const it = iterState(vm, h);
  if (dequeState(vm, it.deque).state !== it.state) {
    it.counter = 0;
    throw mutatedDuringIteration(vm);
  }
  if (it.counter === 0) return 0;
  const item = it.b.data[it.index];
  it.index++;
  it.counter--;
  if (it.index === BLOCKLEN && it.counter > 0) {
    it.b = it.b.right!;
    it.index = 0;
  }
  vm.incref(item);
  return item;
}

/** dequereviter_next: the end check comes first. */
function dequeRevIterNext(vm: Vm, h: number): number {
  const it = iterState(vm, h);
  if (it.counter === 0) return 0;
  if (dequeState(vm, it.deque).state !== it.state) {
    it.counter = 0;
    throw mutatedDuringIteration(vm);
  }
  const item = it.b.data[it.index];
  it.index--;
  it.counter--;
  if (it.index < 0 && it.counter > 0) {
    it.b = it.b.left!;
    it.index = BLOCKLEN - 1;
  }
  vm.incref(item);
  return item;
}

const iterType = (id: number, name: string, next: (vm: Vm, h: number) => number): TypeSlots =>
  defineType({
    id,
    name,
    module: 'collections',
    basicsize: DEQUEITER_BASIC,
    flags: TpFlags.HaveGc,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      vm.decref(iterState(vm, h).deque);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => visit(iterState(vm, h).deque),
    iter: selfIter,
    iternext: next,
    methods: {
      __length_hint__: {
        name: '__length_hint__',
        flags: Meth.NoArgs,
        impl: (vm, h) => fromSsize(vm, iterState(vm, h).counter),
      },
      __reduce__: {
        name: '__reduce__',
        flags: Meth.NoArgs,
        impl: () => {
          throw new NotSupported(`pickling a ${name}`);
        },
      },
    },
  });

export const DequeIterType = (_vm: Vm, id: number): TypeSlots =>
  iterType(id, '_deque_iterator', dequeIterNext);
export const DequeRevIterType = (_vm: Vm, id: number): TypeSlots =>
  iterType(id, '_deque_reverse_iterator', dequeRevIterNext);
