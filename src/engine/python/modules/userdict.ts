import { moduleData } from '../objects/module';
import type { Vm } from '../runtime/vm';
import { partName, runPythonPart } from './pythonpart';

/**
 * collections.UserDict and UserList: Python classes in the real library (a MutableMapping over a
 * `data` dict, a MutableSequence over a `data` list), so they run here as Python through the eval
 * loop (pythonpart.ts), each method making the frames and objects the real one makes: UserDict's
 * `__getitem__` tests `key in self.data` before indexing and falls back to the class's
 * `__missing__`; `__init__` goes through MutableMapping.update; UserList's binary operations wrap a
 * new list in a new instance of the class. The text is ours, written from what 3.11's
 * Lib/collections/__init__.py does (the order of its operations), not copied.
 */
const SOURCE = `
class UserDict(_MutableMapping):
    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        if hasattr(self.__class__, "__missing__"):
            return self.__class__.__missing__(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def __repr__(self):
        return repr(self.data)

    def __or__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(self.data | other.data)
        if isinstance(other, dict):
            return self.__class__(self.data | other)
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(other.data | self.data)
        if isinstance(other, dict):
            return self.__class__(other | self.data)
        return NotImplemented

    def __ior__(self, other):
        if isinstance(other, UserDict):
            self.data |= other.data
        else:
            self.data |= other
        return self

    def copy(self):
        if self.__class__ is UserDict:
            return UserDict(self.data.copy())
        import copy
        saved = self.data
        try:
            self.data = {}
            c = copy.copy(self)
        finally:
            self.data = saved
        c.update(self)
        return c

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for key in iterable:
            d[key] = value
        return d


class UserList(_MutableSequence):
    def __init__(self, initlist=None):
        self.data = []
        if initlist is not None:
            if type(initlist) == type(self.data):
                self.data[:] = initlist
            elif isinstance(initlist, UserList):
                self.data[:] = initlist.data[:]
            else:
                self.data = list(initlist)

    def __repr__(self):
        return repr(self.data)

    def _unwrap(self, other):
        return other.data if isinstance(other, UserList) else other

    def __lt__(self, other):
        return self.data < self._unwrap(other)

    def __le__(self, other):
        return self.data <= self._unwrap(other)

    def __eq__(self, other):
        return self.data == self._unwrap(other)

    def __gt__(self, other):
        return self.data > self._unwrap(other)

    def __ge__(self, other):
        return self.data >= self._unwrap(other)

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.__class__(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __add__(self, other):
        if isinstance(other, UserList):
            return self.__class__(self.data + other.data)
        if isinstance(other, type(self.data)):
            return self.__class__(self.data + other)
        return self.__class__(self.data + list(other))

    def __radd__(self, other):
        if isinstance(other, UserList):
            return self.__class__(other.data + self.data)
        if isinstance(other, type(self.data)):
            return self.__class__(other + self.data)
        return self.__class__(list(other) + self.data)

    def __iadd__(self, other):
        if isinstance(other, UserList):
            self.data += other.data
        elif isinstance(other, type(self.data)):
            self.data += other
        else:
            self.data += list(other)
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        if isinstance(other, UserList):
            self.data.extend(other.data)
        else:
            self.data.extend(other)
`;

/** The two classes, made on the first `collections.UserDict` or `collections.UserList` (as ChainMap: chainmap.ts). */
function makeUserClasses(vm: Vm, importModule: (name: string) => number): number {
  const attr = (module: string, name: string): number => {
    const m = importModule(module);
    const v = moduleData(vm, m).attrs.get(name)!;
    vm.decref(m);
    return v;
  };
  return runPythonPart(vm, 'collections', SOURCE, {
    _MutableMapping: attr('collections.abc', 'MutableMapping'),
    _MutableSequence: attr('collections.abc', 'MutableSequence'),
  });
}

const made = new WeakMap<Vm, number>();

/** collections.UserDict / collections.UserList. */
export function makeUserClass(vm: Vm, importModule: (name: string) => number, name: 'UserDict' | 'UserList'): number {
  let globals = made.get(vm);
  if (globals === undefined) made.set(vm, (globals = makeUserClasses(vm, importModule)));
  return partName(vm, globals, name);
}
