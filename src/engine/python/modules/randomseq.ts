import { call } from '../abstract/call';
import { typeError, valueError } from '../abstract/errors';
import { getItem, setItem } from '../abstract/item';
import { getIter, iterNext } from '../abstract/iter';
import { length } from '../abstract/object';
import { NotSupported } from '../errors';
import { builtinNew } from '../objects/descr';
import { fromDouble } from '../objects/float';
import { functionNew } from '../objects/func';
import { fromSsize, intValue } from '../objects/int';
import { jsIterNew, jsIterType } from '../objects/jsiter';
import { listAppend, listNew } from '../objects/list';
import { listRepeat } from '../objects/listops';
import { setAdd, setContains, setNew } from '../objects/set';
import { tupleFromItems } from '../objects/tuple';
import { Meth, NB, T, type Kwargs, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { PyFrameSim, pyBinop, pyConstFloat } from './pyframesim';
import { isQuickened, warm } from './pycode';
import { boundC, boundRandbelow, randomModuleState } from './random';
import { randomState } from '../objects/randomtype';
import { cLog } from '../../libm/c99';
import { raiseString } from '../abstract/errors';
import { richCompareBool } from '../abstract/compare';
import { E } from '../objects/exctypes';
import { moduleType } from '../objects/modtypes';
import { AccumulateType } from '../objects/itertools2';
import { Cmp } from '../objects/types';
import { bisect } from './bisect';

/**
 * random's sequence methods (Lib/random.py, 3.11): shuffle, sample, choices, with what their
 * bytecode allocates, measured line by line on 3.11.7 (the PyMethodObject of `self._randbelow`,
 * `reversed(range(…))`'s range object, bound __reversed__ and iterator, the [None] * k result,
 * choices' cells, its list comprehension's closure and function, itertools.repeat's argument tuple
 * and object).
 */

const code = (name: string): string => `random.Random.${name}`;

/** shuffle(x): locals self, x, randbelow, i, j. */
export function shuffle(vm: Vm, self: number, args: readonly number[]): number {
  if (args.length !== 1)
    throw typeError(vm, 'Random.shuffle() takes 2 positional arguments but %d were given', args.length + 1);
  warm(vm, code('shuffle'));
  const x = args[0];
  const f = new PyFrameSim(vm, ['self', 'x', 'randbelow', 'i', 'j'], [], { self, x });
  try {
    f.set('randbelow', boundRandbelow(vm, self));
    // for i in reversed(range(1, len(x))): len, the range, reversed's bound __reversed__ and iterator
    const n = fromSsize(vm, length(vm, x));
    const range = call(vm, vm.types[T.Range].typeObject, [vm.s.smallInt(1), n], null);
    vm.decref(n);
    const it = call(vm, vm.types[T.Reversed].typeObject, [range], null);
    vm.decref(range);
    try {
      for (let i = iterNext(vm, it); i !== 0; i = iterNext(vm, it)) {
        f.set('i', i);
        const q = isQuickened(vm, code('shuffle'));
        vm.incref(i);
        const i1 = pyBinop(vm, NB.Add, i, vm.s.smallInt(1), q);
        f.set('j', call(vm, f.get('randbelow'), [i1], null));
        vm.decref(i1);
        // x[i], x[j] = x[j], x[i]
        const xj = getItem(vm, x, f.get('j'));
        const xi = getItem(vm, x, i);
        setItem(vm, x, i, xj);
        setItem(vm, x, f.get('j'), xi);
        vm.decref(xj);
        vm.decref(xi);
        warm(vm, code('shuffle'));
      }
    } finally {
      vm.decref(it);
    }
    return vm.s.None;
  } finally {
    f.clear();
  }
}

/** A weak reference to the instance's class, made and dropped by _abc_instancecheck's cache test. */
function abcInstanceCheck(vm: Vm, population: number): boolean {
  const ref = vm.newGcObject(T.WeakRef, 48);
  vm.gcDel(ref);
  const t = vm.table.type[population];
  return (
    [T.List, T.Tuple, T.Str, T.Range, T.Bytes].includes(t) ||
    vm.typeOf(population).mro.some((x) => [T.List, T.Tuple, T.Str].includes(x))
  );
}

const SAMPLE_LOCALS = [
  'self',
  'population',
  'k',
  'counts',
  'n',
  'total',
  'selections',
  'randbelow',
  'result',
  'setsize',
  'pool',
  'i',
  'j',
  'selected',
  'selected_add',
  'bisect',
  'cum_counts',
];

/** sample(population, k, *, counts=None). */
export function sample(vm: Vm, self: number, args: readonly number[], kw: Kwargs | null): number {
  warm(vm, code('sample'));
  const population = args[0];
  const k = args[1] ?? kw?.get('k');
  if (population === undefined || k === undefined)
    throw typeError(vm, "Random.sample() missing 1 required positional argument: 'k'");
  const f = new PyFrameSim(vm, SAMPLE_LOCALS, ['population', 'bisect', 'cum_counts'], {
    self,
    population,
    k,
    counts: kw?.get('counts') ?? vm.s.None,
  });
  try {
    if (!abcInstanceCheck(vm, population))
      throw typeError(vm, 'Population must be a sequence.  For dicts or sets, use sorted(d).');
    f.set('n', fromSsize(vm, length(vm, population)));
    if (f.get('counts') !== vm.s.None) throw new NotSupported('random.sample(…, counts=…)');
    f.set('randbelow', boundRandbelow(vm, self));
    const n = Number(intValue(vm, f.get('n')));
    const kv = Number(intValue(vm, k));
    if (!(0 <= kv && kv <= n)) throw valueError(vm, 'Sample larger than population or is negative');
    // result = [None] * k
    const one = listNew(vm, 1);
    vm.table.ref[one] = vm.s.None;
    f.set('result', listRepeat(vm, one, kv));
    vm.decref(one);
    let setsize = 21;
    if (kv > 5) {
      // setsize += 4 ** _ceil(_log(k * 3, 4)): k * 3, math.log's tuple and floats, the power
      const k3 = fromSsize(vm, kv * 3);
      const t = tupleFromItems(vm, [k3, vm.s.smallInt(4)]);
      const a = fromDouble(vm, cLog(kv * 3));
      const b = fromDouble(vm, cLog(4));
      const lg = fromDouble(vm, cLog(kv * 3) / cLog(4));
      vm.decref(a);
      vm.decref(b);
      vm.decref(t);
      const c = Math.ceil(vm.table.num[lg]);
      vm.decref(lg);
      const pw = fromSsize(vm, 4 ** c);
      setsize += 4 ** c;
      f.set('setsize', fromSsize(vm, setsize));
      vm.decref(pw);
    } else f.set('setsize', fromSsize(vm, setsize));
    const result = f.get('result');
    if (n <= setsize) {
      f.set('pool', call(vm, vm.types[T.List].typeObject, [population], null));
      const pool = f.get('pool');
      const rangeK = call(vm, vm.types[T.Range].typeObject, [k], null);
      const it = vm.typeOf(rangeK).iter!(vm, rangeK);
      vm.decref(rangeK);
      try {
        for (let i = iterNext(vm, it); i !== 0; i = iterNext(vm, it)) {
          f.set('i', i);
          const q = isQuickened(vm, code('sample'));
          vm.incref(f.get('n'));
          vm.incref(i);
          const ni = pyBinop(vm, NB.Subtract, f.get('n'), i, q);
          f.set('j', call(vm, f.get('randbelow'), [ni], null));
          vm.decref(ni);
          const item = getItem(vm, pool, f.get('j'));
          setItem(vm, result, i, item);
          vm.decref(item);
          const last = fromSsize(vm, n - Number(intValue(vm, i)) - 1);
          const moved = getItem(vm, pool, last);
          setItem(vm, pool, f.get('j'), moved);
          vm.decref(moved);
          vm.decref(last);
          warm(vm, code('sample'));
        }
      } finally {
        vm.decref(it);
      }
    } else {
      f.set('selected', setNew(vm));
      const selected = f.get('selected');
      f.set('selected_add', builtinNew(vm, SET_ADD, selected));
      const rangeK = call(vm, vm.types[T.Range].typeObject, [k], null);
      const it = vm.typeOf(rangeK).iter!(vm, rangeK);
      vm.decref(rangeK);
      try {
        for (let i = iterNext(vm, it); i !== 0; i = iterNext(vm, it)) {
          f.set('i', i);
          f.set('j', call(vm, f.get('randbelow'), [f.get('n')], null));
          while (setContains(vm, selected, f.get('j')))
            f.set('j', call(vm, f.get('randbelow'), [f.get('n')], null));
          setAdd(vm, selected, f.get('j'));
          const item = getItem(vm, population, f.get('j'));
          setItem(vm, result, i, item);
          vm.decref(item);
          warm(vm, code('sample'));
        }
      } finally {
        vm.decref(it);
      }
    }
    vm.incref(result);
    return result;
  } finally {
    f.clear();
  }
}

const SET_ADD: MethodDef = {
  name: 'add',
  flags: Meth.O,
  qualname: 'set.add',
  impl: (vm, s, a) => (setAdd(vm, s, a[0]), vm.s.None),
};

const RepeatType = jsIterType('repeat', 'itertools', 32);

/** `_repeat(None, k)`: itertools.repeat through type_call (its 2-tuple of arguments), the object. */
function repeatNone(vm: Vm, k: number): number {
  const argTuple = tupleFromItems(vm, [vm.s.None, k]);
  vm.incref(k);
  let left = Number(intValue(vm, k));
  try {
    return jsIterNew(vm, RepeatType, () => (left-- > 0 ? vm.s.None : 0), []);
  } finally {
    vm.decref(argTuple);
  }
}

const CHOICES_LOCALS = [
  'self',
  'population',
  'weights',
  'cum_weights',
  'k',
  'bisect',
  'floor',
  'hi',
  'n',
  'random',
  'total',
];
const CHOICES_CELLS = ['population', 'cum_weights', 'bisect', 'floor', 'hi', 'n', 'random', 'total'];

/** choices(population, weights=None, *, cum_weights=None, k=1). */
export function choices(vm: Vm, self: number, args: readonly number[], kw: Kwargs | null): number {
  warm(vm, code('choices'));
  const st = randomModuleState(vm);
  const mt = randomState(vm, self).mt;
  const f = new PyFrameSim(vm, CHOICES_LOCALS, CHOICES_CELLS, {
    self,
    population: args[0],
    weights: args[1] ?? kw?.get('weights') ?? vm.s.None,
    cum_weights: kw?.get('cum_weights') ?? vm.s.None,
    k: kw?.get('k') ?? vm.s.smallInt(1),
  });
  try {
    f.set('random', boundC(vm, self, st.randomDef));
    const population = f.get('population');
    f.set('n', fromSsize(vm, length(vm, population)));
    if (f.get('cum_weights') !== vm.s.None || f.get('weights') !== vm.s.None)
      return weightedChoices(vm, f, mt);
    // n += 0.0
    vm.incref(f.get('n'));
    f.set('n', pyBinop(vm, NB.Add, f.get('n'), pyConstFloat(vm, 0), false));
    // the list comprehension: its closure (floor, n, population, random) and function, then
    // _repeat(None, k), the list, population[floor(random() * n)] for each
    const closure = tupleFromItems(
      vm,
      ['floor', 'n', 'population', 'random'].map((c) => {
        const cell = f.cell(c);
        vm.incref(cell);
        return cell;
      }),
    );
    const fn = functionNew(vm, null, '<listcomp>', 0, closure, 'Random.choices.<locals>.<listcomp>');
    const rep = repeatNone(vm, f.get('k'));
    try {
      const lc = 'random.Random.choices.<listcomp>';
      warm(vm, lc);
      const out = listNew(vm, 0);
      const it = getIter(vm, rep);
      vm.decref(it);
      for (let x = iterNext(vm, rep); x !== 0; x = iterNext(vm, rep)) {
        const r = fromDouble(vm, mt.random());
        vm.incref(f.get('n'));
        const p = pyBinop(vm, NB.Multiply, r, f.get('n'), isQuickened(vm, lc));
        const idx = fromSsize(vm, Math.floor(vm.table.num[p]));
        vm.decref(p);
        // BINARY_SUBSCR releases the index before LIST_APPEND grows the list
        const item = getItem(vm, population, idx);
        vm.decref(idx);
        listAppend(vm, out, item);
        warm(vm, lc);
      }
      return out;
    } finally {
      vm.decref(rep);
      vm.decref(fn);
    }
  } finally {
    f.clear();
  }
}

/**
 * choices' weighted path (Lib/random.py 3.11): cum_weights = list(_accumulate(weights)) unless
 * given (an accumulate object, then list() of it: the running sums are new ints or floats the
 * list keeps), total = cum_weights[-1] + 0.0, hi = n - 1, then the list comprehension over the
 * cells (bisect, cum_weights, hi, population, random, total):
 * population[bisect(cum_weights, random() * total, 0, hi)] for each of k.
 */
function weightedChoices(vm: Vm, f: PyFrameSim, mt: { random(): number }): number {
  if (f.get('cum_weights') === vm.s.None) {
    const weights = f.get('weights');
    let acc: number;
    try {
      acc = call(vm, moduleType(vm, AccumulateType).typeObject, [weights], null);
    } catch (e) {
      // `choices(pop, 3)`: an int where the weights go is the k a caller meant
      if (vm.table.type[weights] === T.Int)
        throw typeError(vm, `The number of choices must be a keyword argument: k=${intValue(vm, weights)}`);
      throw e;
    }
    try {
      f.set('cum_weights', call(vm, vm.types[T.List].typeObject, [acc], null));
    } finally {
      vm.decref(acc);
    }
  } else if (f.get('weights') !== vm.s.None)
    throw typeError(vm, 'Cannot specify both weights and cumulative weights');
  const cum = f.get('cum_weights');
  // len(cum_weights) != n: len's int (PyLong_FromSsize_t), released after the comparison
  const lenObj = fromSsize(vm, length(vm, cum));
  const mismatch = !richCompareBool(vm, lenObj, f.get('n'), Cmp.EQ);
  vm.decref(lenObj);
  if (mismatch) throw valueError(vm, 'The number of weights does not match the population');
  // total = cum_weights[-1] + 0.0
  const last = getItem(vm, cum, vm.s.smallInt(-1));
  f.set('total', pyBinop(vm, NB.Add, last, pyConstFloat(vm, 0), false));
  const total = f.get('total');
  if (richCompareBool(vm, total, pyConstFloat(vm, 0), Cmp.LE))
    throw raiseString(vm, E.ValueError, 'Total of weights must be greater than zero');
  if (!Number.isFinite(vm.table.num[total]))
    throw raiseString(vm, E.ValueError, 'Total of weights must be finite');
  // hi = n - 1
  vm.incref(f.get('n'));
  f.set('hi', pyBinop(vm, NB.Subtract, f.get('n'), vm.s.smallInt(1), false));
  const hi = Number(intValue(vm, f.get('hi')));
  const closure = tupleFromItems(
    vm,
    ['bisect', 'cum_weights', 'hi', 'population', 'random', 'total'].map((c) => {
      const cell = f.cell(c);
      vm.incref(cell);
      return cell;
    }),
  );
  const fn = functionNew(vm, null, '<listcomp>', 0, closure, 'Random.choices.<locals>.<listcomp>');
  const rep = repeatNone(vm, f.get('k'));
  const population = f.get('population');
  try {
    const lc = 'random.Random.choices.<listcomp>#weighted';
    warm(vm, lc);
    const out = listNew(vm, 0);
    const it = getIter(vm, rep);
    vm.decref(it);
    for (let x = iterNext(vm, rep); x !== 0; x = iterNext(vm, rep)) {
      const r = fromDouble(vm, mt.random());
      vm.incref(total);
      const p = pyBinop(vm, NB.Multiply, r, total, isQuickened(vm, lc));
      let i: number;
      try {
        // _bisect(cum_weights, p, 0, hi): bisect_right, its index a new int (PyLong_FromSsize_t)
        i = bisect(vm, cum, p, 0, hi, vm.s.None, true);
      } finally {
        vm.decref(p);
      }
      const idx = fromSsize(vm, i);
      const item = getItem(vm, population, idx);
      vm.decref(idx);
      listAppend(vm, out, item);
      warm(vm, lc);
    }
    return out;
  } finally {
    vm.decref(rep);
    vm.decref(fn);
  }
}
