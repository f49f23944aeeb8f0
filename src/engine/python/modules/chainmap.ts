import { moduleData } from '../objects/module';
import type { Vm } from '../runtime/vm';
import { partName, runPythonPart } from './pythonpart';

/**
 * collections.ChainMap: a Python class (a MutableMapping over a list of mappings) in the real
 * library, so it runs here as Python through the eval loop (pythonpart.ts), each method making
 * the frames, lists, sets, dicts and caught KeyErrors the real one makes: `__getitem__` tries
 * each map in turn, `__len__` is len(set().union(*maps)), `__iter__` builds a dict from
 * dict.fromkeys of each map (last map first), `new_child` makes a new ChainMap over
 * [m, *maps]. The text is ours, written from what 3.11's Lib/collections/__init__.py does (the
 * order of its operations), not copied. `__repr__` goes through reprlib.recursive_repr's guard
 * (a set of (id, thread ident) keys).
 */
const SOURCE = `
def _recursive_repr(fillvalue='...'):
    def decorate(user_function):
        running = set()

        def wrapper(self):
            key = id(self), _get_ident()
            if key in running:
                return fillvalue
            running.add(key)
            try:
                result = user_function(self)
            finally:
                running.discard(key)
            return result

        wrapper.__name__ = user_function.__name__
        wrapper.__qualname__ = user_function.__qualname__
        return wrapper
    return decorate


class ChainMap(_MutableMapping):
    '''A ChainMap groups several mappings into one updateable view: lookups search them
    in order, writes and deletions touch only the first.'''

    def __init__(self, *maps):
        # at least one mapping: a new empty dict when none is given
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                # not 'key in mapping': a defaultdict answers through __missing__
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            d.update(dict.fromkeys(mapping))
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    @_recursive_repr()
    def __repr__(self):
        return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def clear(self):
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ror__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        m = dict(other)
        for child in reversed(self.maps):
            m.update(child)
        return self.__class__(m)
`;

/**
 * The class, made on the first `collections.ChainMap` (collections is loaded at start-up, before
 * collections.abc can be imported from its load): the class body runs accounted (pythonpart.ts),
 * as the real class is part of the start-up's collections.
 */
export function makeChainMap(vm: Vm, importModule: (name: string) => number): number {
  const attr = (module: string, name: string): number => {
    const m = importModule(module);
    const v = moduleData(vm, m).attrs.get(name)!;
    vm.decref(m);
    return v;
  };
  const globals = runPythonPart(vm, 'collections', SOURCE, {
    _MutableMapping: attr('collections.abc', 'MutableMapping'),
    _Mapping: attr('collections.abc', 'Mapping'),
    _get_ident: attr('_thread', 'get_ident'),
  });
  return partName(vm, globals, 'ChainMap');
}
