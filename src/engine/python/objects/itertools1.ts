import { raiseString, typeError } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { NB_OF, asSsize, binaryOp, hasIndex } from '../abstract/number';
import { reprText } from '../abstract/repr';
import { PyError } from '../errors';
import { clearError } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { noKeywords, parseTupleAndKeywords, unpackKeywords } from './getargs';
import { fromSsize, intValue } from './int';
import { allocIter, clearField, iterType } from './itertype';
import { listAppend, listItem, listNew } from './list';
import { moduleType } from './modtypes';
import { dictKwargs } from '../abstract/kwargs';
import { tupleItems } from './tuple';
import { Meth, T, type TypeSlots } from './types';

/** itertools.count, cycle, repeat, chain and islice (Modules/itertoolsmodule.c, 3.11). */

const PY_SSIZE_T_MAX = 2 ** 63 - 1;
const kwOf = (vm: Vm, kwargs: number) => (kwargs ? dictKwargs(vm, kwargs) : null);

// ---- count ---------------------------------------------------------------------------------

/**
 * countobject (16 GC + 40): `cnt` counts in C while start is an int and step is 1 ("fast mode");
 * otherwise every step is PyNumber_Add(long_cnt, long_step) and the old count is handed out.
 */
type Count = { cnt: number; long_cnt: number; long_step: number };

function countNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  const [start, step] = unpackKeywords(
    vm,
    'count',
    Array.from(tupleItems(vm, args)),
    kwOf(vm, kwargs),
    ['start', 'step'],
    0,
    2,
  );
  const isNumber = (h: number) => vm.typeOf(h).number !== null;
  if ((start && !isNumber(start)) || (step && !isNumber(step)))
    throw raiseString(vm, E.TypeError, 'a number is required');
  let fast =
    (start === 0 || vm.typeOf(start).mro.includes(T.Int)) &&
    (step === 0 || vm.typeOf(step).mro.includes(T.Int));
  let cnt = 0;
  let longCnt = start;
  if (start !== 0) {
    if (fast) {
      const v = intValue(vm, start);
      if (typeof v === 'number' && Number.isSafeInteger(v)) cnt = v;
      else fast = false;
    }
  } else longCnt = vm.s.smallInt(0);
  vm.incref(longCnt);
  const longStep = step || vm.s.smallInt(1);
  vm.incref(longStep);
  if (fast && intValue(vm, longStep) !== 1) fast = false;
  if (fast) {
    vm.decref(longCnt);
    longCnt = 0;
  } else cnt = PY_SSIZE_T_MAX;
  return allocIter<Count>(vm, type, { cnt, long_cnt: longCnt, long_step: longStep });
}

function countNext(vm: Vm, _h: number, s: Count): number {
  if (s.cnt !== PY_SSIZE_T_MAX) return fromSsize(vm, s.cnt++);
  // count_nextlong
  const longCnt = s.long_cnt || fromSsize(vm, BigInt(PY_SSIZE_T_MAX));
  s.long_cnt = binaryOp(vm, NB_OF['+'], longCnt, s.long_step);
  return longCnt;
}

function countText(vm: Vm, _h: number, s: Count, depth: number): string {
  if (s.cnt !== PY_SSIZE_T_MAX) return `count(${s.cnt})`;
  const c = reprText(vm, s.long_cnt, depth + 1);
  const st = s.long_step;
  const stepIsOne = vm.table.type[st] === T.Int && vm.table.num[st] === 1;
  return stepIsOne ? `count(${c})` : `count(${c}, ${reprText(vm, st, depth + 1)})`;
}

export const CountType = (_vm: Vm, id: number): TypeSlots =>
  iterType<Count>(id, {
    name: 'count',
    basicsize: 40,
    refs: ['long_cnt', 'long_step'],
    next: countNext,
    new: countNew,
    text: countText,
  });

// ---- cycle ---------------------------------------------------------------------------------

/** cycleobject (16 GC + 48): items seen on the first pass are appended to `saved`, then replayed. */
type Cycle = { it: number; saved: number; index: number; firstpass: number };

function cycleNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  noKeywords(vm, 'cycle', kwargs);
  const items = tupleItems(vm, args);
  if (items.length !== 1) throw typeError(vm, 'cycle expected 1 argument, got %zd', items.length);
  const it = getIter(vm, items[0]);
  let saved: number;
  try {
    saved = listNew(vm, 0);
  } catch (e) {
    vm.decref(it);
    throw e;
  }
  return allocIter<Cycle>(vm, type, { it, saved, index: 0, firstpass: 0 });
}

function cycleNext(vm: Vm, _h: number, s: Cycle): number {
  if (s.it !== 0) {
    const item = iterNext(vm, s.it);
    if (item !== 0) {
      if (s.firstpass) return item;
      vm.incref(item);
      listAppend(vm, s.saved, item);
      return item;
    }
    clearField(vm, s, 'it');
  }
  const n = vm.table.n[s.saved];
  if (n === 0) return 0;
  const item = listItem(vm, s.saved, s.index);
  s.index++;
  if (s.index >= n) s.index = 0;
  vm.incref(item);
  return item;
}

export const CycleType = (_vm: Vm, id: number): TypeSlots =>
  iterType<Cycle>(id, {
    name: 'cycle',
    basicsize: 48,
    refs: ['it', 'saved'],
    next: cycleNext,
    new: cycleNew,
  });

// ---- repeat --------------------------------------------------------------------------------

/** repeatobject (16 GC + 32): the element, and a countdown (−1: for ever). */
type Repeat = { element: number; cnt: number };

function repeatNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  const items = Array.from(tupleItems(vm, args));
  const nArgs = items.length + (kwargs ? vm.table.n[kwargs] : 0);
  const [element, times] = parseTupleAndKeywords(vm, 'repeat', items, kwargs, ['object', 'times'], 1);
  let cnt = times ? asSsize(vm, times, E.OverflowError) : -1;
  if (nArgs === 2 && cnt < 0) cnt = 0;
  vm.incref(element);
  return allocIter<Repeat>(vm, type, { element, cnt });
}

function repeatNext(vm: Vm, _h: number, s: Repeat): number {
  if (s.cnt === 0) return 0;
  if (s.cnt > 0) s.cnt--;
  vm.incref(s.element);
  return s.element;
}

export const RepeatType = (_vm: Vm, id: number): TypeSlots =>
  iterType<Repeat>(id, {
    name: 'repeat',
    basicsize: 32,
    refs: ['element'],
    next: repeatNext,
    new: repeatNew,
    text: (vm, _h, s, d) => `repeat(${reprText(vm, s.element, d + 1)}${s.cnt >= 0 ? `, ${s.cnt}` : ''})`,
    methods: [
      {
        name: '__length_hint__',
        flags: Meth.NoArgs,
        impl: (vm, h) => {
          const s = vm.table.side[h] as Repeat;
          if (s.cnt === -1) throw raiseString(vm, E.TypeError, 'len() of unsized object');
          return fromSsize(vm, s.cnt);
        },
      },
    ],
  });

// ---- chain ---------------------------------------------------------------------------------

/** chainobject (16 GC + 32): an iterator over the iterables, and the one being drained. */
type Chain = { source: number; active: number };

/** chain_new_internal: the object after its source iterator. */
function chainNewInternal(vm: Vm, type: TypeSlots, source: number): number {
  return allocIter<Chain>(vm, type, { source, active: 0 });
}

function chainNext(vm: Vm, _h: number, s: Chain): number {
  while (s.source !== 0) {
    if (s.active === 0) {
      const iterable = iterNext(vm, s.source);
      if (iterable === 0) {
        clearField(vm, s, 'source');
        return 0;
      }
      try {
        s.active = getIter(vm, iterable);
      } catch (e) {
        clearField(vm, s, 'source');
        throw e;
      } finally {
        vm.decref(iterable);
      }
    }
    const item = iterNext(vm, s.active);
    if (item !== 0) return item;
    clearField(vm, s, 'active');
  }
  return 0;
}

export const ChainType = (_vm: Vm, id: number): TypeSlots =>
  iterType<Chain>(id, {
    name: 'chain',
    basicsize: 32,
    refs: ['source', 'active'],
    next: chainNext,
    new: (vm2, type, args, kwargs) => {
      if (type.id === id) noKeywords(vm2, 'chain', kwargs);
      return chainNewInternal(vm2, type, getIter(vm2, args));
    },
    methods: [
      {
        name: 'from_iterable',
        flags: Meth.O | Meth.Class,
        impl: (vm2, type, a) => chainNewInternal(vm2, vm2.slotsOf(type), getIter(vm2, a[0])),
        qualname: 'chain.from_iterable',
      },
    ],
  });

// ---- islice --------------------------------------------------------------------------------

/** isliceobject (16 GC + 40): the iterator (let go once exhausted), the next index to hand out, stop, step, count read. */
type Islice = { it: number; next: number; stop: number; step: number; cnt: number };

const STOP_MSG = 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.';

/** PyNumber_AsSsize_t for islice's arguments: −1 (and the error cleared) when it is not an index. */
function ssizeOrMinus1(vm: Vm, h: number): number {
  if (!hasIndex(vm, h)) return -1;
  try {
    return asSsize(vm, h, E.OverflowError);
  } catch (e) {
    if (e instanceof PyError && e.excType >= 0) {
      clearError(vm, e);
      return -1;
    }
    throw e;
  }
}

function isliceNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  if (type.id === moduleType(vm, IsliceType).id) noKeywords(vm, 'islice', kwargs);
  const a = tupleItems(vm, args);
  if (a.length < 2 || a.length > 4)
    throw typeError(
      vm,
      'islice expected %s %d arguments, got %zd',
      a.length < 2 ? 'at least' : 'at most',
      a.length < 2 ? 2 : 4,
      a.length,
    );
  let start = 0;
  let stop = -1;
  let step = 1;
  const none = vm.s.None;
  if (a.length === 2) {
    if (a[1] !== none) {
      stop = ssizeOrMinus1(vm, a[1]);
      if (stop === -1) throw raiseString(vm, E.ValueError, STOP_MSG);
    }
  } else {
    if (a[1] !== none) start = ssizeOrMinus1(vm, a[1]);
    if (a[2] !== none) {
      stop = ssizeOrMinus1(vm, a[2]);
      if (stop === -1) throw raiseString(vm, E.ValueError, STOP_MSG);
    }
  }
  if (start < 0 || stop < -1)
    throw raiseString(
      vm,
      E.ValueError,
      'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.',
    );
  if (a.length === 4 && a[3] !== none) step = ssizeOrMinus1(vm, a[3]);
  if (step < 1) throw raiseString(vm, E.ValueError, 'Step for islice() must be a positive integer or None.');
  const it = getIter(vm, a[0]);
  try {
    return allocIter<Islice>(vm, type, { it, next: start, stop, step, cnt: 0 });
  } catch (e) {
    vm.decref(it);
    throw e;
  }
}

function isliceNext(vm: Vm, _h: number, s: Islice): number {
  if (s.it === 0) return 0;
  const stop = s.stop;
  while (s.cnt < s.next) {
    const item = iterNext(vm, s.it);
    if (item === 0) return isliceEmpty(vm, s);
    vm.decref(item);
    s.cnt++;
  }
  if (stop !== -1 && s.cnt >= stop) return isliceEmpty(vm, s);
  const item = iterNext(vm, s.it);
  if (item === 0) return isliceEmpty(vm, s);
  s.cnt++;
  const old = s.next;
  s.next += s.step;
  if (s.next < old || (stop !== -1 && s.next > stop)) s.next = stop;
  return item;
}

function isliceEmpty(vm: Vm, s: Islice): number {
  clearField(vm, s, 'it');
  return 0;
}

export const IsliceType = (_vm: Vm, id: number): TypeSlots =>
  iterType<Islice>(id, { name: 'islice', basicsize: 56, refs: ['it'], next: isliceNext, new: isliceNew });
