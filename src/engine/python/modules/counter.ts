import { getAttr, typeLookup } from '../abstract/attr';
import { call } from '../abstract/call';
import { getIter, iterNext } from '../abstract/iter';
import { setItem } from '../abstract/item';
import { binaryOp } from '../abstract/number';
import { methodNew } from '../objects/classobject';
import { builtinStatic } from '../objects/descr';
import { dictGetItemKnownHash, dictSetItemKnownHash } from '../objects/dict';
import { isFastKey, keyHash, slowKey } from '../objects/dictindex';
import { fromSsize } from '../objects/int';
import { Meth, NB, T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { fn } from './module';
import { partName, runPythonPart } from './pythonpart';

/**
 * collections.Counter: a Python class (a dict subclass) in the real library, so it runs here as
 * Python through the eval loop (pythonpart.ts): its methods make the frames, bound methods,
 * super objects and temporaries the real ones make. The source below is ours, written from what
 * Counter does (its documented behaviour and the order of its operations), not copied.
 * Counting an iterable goes through _collections._count_elements (C, modelled below).
 */
const SOURCE = `
class Counter(dict):
    '''Dict subclass for counting hashable items.'''

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        'The count of elements not in the Counter is zero.'
        return 0

    def total(self):
        'Sum of the counts'
        return sum(self.values())

    def most_common(self, n=None):
        'List the n most common elements and their counts, most common first.'
        if n is None:
            return sorted(self.items(), key=_itemgetter(1), reverse=True)
        import heapq
        return heapq.nlargest(n, self.items(), key=_itemgetter(1))

    def elements(self):
        'Iterator over elements repeating each as many times as its count.'
        return _chain.from_iterable(_starmap(_repeat, self.items()))

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        'Count elements from an iterable or add counts from a mapping.'
        if iterable is not None:
            if _is_mapping(iterable):
                if self:
                    self_get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + self_get(elem, 0)
                else:
                    super().update(iterable)
            else:
                _count_elements(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        'Subtract counts (they may go to zero or below).'
        if iterable is not None:
            self_get = self.get
            if _is_mapping(iterable):
                for elem, count in iterable.items():
                    self[elem] = self_get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self_get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        'Return a shallow copy.'
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        'Like dict.__delitem__() but does not raise KeyError for missing values.'
        if elem in self:
            super().__delitem__(elem)

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return f'{self.__class__.__name__}({d!r})'

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        nonpositive = [elem for elem, count in self.items() if not count > 0]
        for elem in nonpositive:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()
`;

/**
 * isinstance(x, _collections_abc.Mapping) for what a script passes: dict and its subclasses are
 * Mappings (dict is registered), other built-in types are not. PyObject_IsInstance finds
 * ABCMeta.__instancecheck__ and binds it (a bound method, 16 + 48 bytes, made and freed around
 * the call); _abc_instancecheck then answers from the ABC's caches without allocating once the
 * type was checked before. The first check of a type (the caches filled by __subclasscheck__,
 * a few hundred bytes once per type and process) is not modelled.
 */
function isMapping(vm: Vm, x: number): boolean {
  const bound = methodNew(vm, vm.s.None, vm.s.None);
  const r = vm.typeOf(x).mro.includes(T.Dict);
  vm.decref(bound);
  return r;
}

/**
 * _collections._count_elements(mapping, iterable): each element's count + 1. A mapping whose
 * type keeps dict's get and __setitem__ is updated in place (_PyDict_GetItem_KnownHash, then
 * PyNumber_Add(old, 1) or the small int 1 itself); any other goes through its bound `get` and
 * PyObject_SetItem.
 */
function countElements(vm: Vm, mapping: number, iterable: number): number {
  const it = getIter(vm, iterable);
  const one = fromSsize(vm, 1);
  const type = vm.typeOf(mapping);
  const dictType = vm.types[T.Dict];
  const fast =
    type.mro.includes(T.Dict) &&
    typeLookup(vm, type, 'get') === typeLookup(vm, dictType, 'get') &&
    typeLookup(vm, type, '__setitem__') === typeLookup(vm, dictType, '__setitem__');
  const boundGet = fast ? 0 : getAttr(vm, mapping, 'get');
  const zero = fast ? 0 : fromSsize(vm, 0);
  try {
    for (let key = iterNext(vm, it); key !== 0; key = iterNext(vm, it)) {
      try {
        vm.eval.tick();
        if (fast) {
          // one PyObject_Hash, then _PyDict_GetItem_KnownHash and _PyDict_SetItem_KnownHash
          const hash = keyHash(vm, key);
          const exact = isFastKey(vm, key);
          const slow = exact ? 0 : slowKey;
          const old = dictGetItemKnownHash(vm, mapping, key, hash, slow);
          if (old === 0) dictSetItemKnownHash(vm, mapping, key, one, hash, exact, slow);
          else {
            const v = binaryOp(vm, NB.Add, old, one);
            try {
              dictSetItemKnownHash(vm, mapping, key, v, hash, exact, slow);
            } finally {
              vm.decref(v);
            }
          }
        } else {
          const old = call(vm, boundGet, [key, zero], null);
          let v: number;
          try {
            v = binaryOp(vm, NB.Add, old, one);
          } finally {
            vm.decref(old);
          }
          try {
            setItem(vm, mapping, key, v);
          } finally {
            vm.decref(v);
          }
        }
      } finally {
        vm.decref(key);
      }
    }
  } finally {
    vm.decref(it);
    vm.decref(one);
    if (boundGet) vm.decref(boundGet);
    if (zero) vm.decref(zero);
  }
  vm.incref(vm.s.None);
  return vm.s.None;
}

/**
 * Runs Counter's class statement at import (its cost is the import's: pythonpart.ts) with the
 * names collections/__init__.py imports; the class (borrowed: the part's globals keep it).
 */
export function makeCounter(vm: Vm, imported: Record<string, number>): number {
  const helpers = {
    _count_elements: builtinStatic(
      vm,
      fn('_count_elements', Meth.Fastcall, (vm2, _m, a) => countElements(vm2, a[0], a[1])),
      '_collections',
    ),
    _is_mapping: builtinStatic(
      vm,
      fn('_is_mapping', Meth.O, (vm2, _m, a) => {
        const r = isMapping(vm2, a[0]) ? vm2.s.True : vm2.s.False;
        vm2.incref(r);
        return r;
      }),
      'collections',
    ),
  };
  const globals = runPythonPart(vm, 'collections', SOURCE, { ...imported, ...helpers });
  return partName(vm, globals, 'Counter');
}
