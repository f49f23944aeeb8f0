/**
 * copyreg (Lib/copyreg.py, 3.11) as Python run by the VM, written for Highwater from what the module
 * does: the reduction registry (dispatch_table, with complex's, types.UnionType's and re.Pattern's reducers as the
 * real module registers them at import), the constructors pickle's protocols name (__newobj__,
 * __newobj_ex__, _reconstructor and the protocol 0/1 _reduce_ex), _slotnames (cached in the class's
 * __slotnames__) and the extension-code registry. copyreg is in 3.11.7's sys.modules at start-up, so
 * the import is free and the body runs accounted. Registering a reducer with pickle() is refused as
 * not supported: the simulator's copy and pickle (copy.ts, picklereduce.ts) do not consult
 * dispatch_table, so a registration would be silently ignored.
 */
export const COPYREG_SOURCE = `
__all__ = ["pickle", "constructor",
           "add_extension", "remove_extension", "clear_extension_cache"]

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    if constructor_ob is not None:
        constructor(constructor_ob)
    _hw_unsupported('copyreg.pickle() (the simulated copy and pickle do not consult copyreg.dispatch_table)')


def constructor(object):
    if not callable(object):
        raise TypeError("constructors must be callable")


def pickle_complex(c):
    return complex, (c.real, c.imag)


def pickle_union(obj):
    import functools, operator
    return functools.reduce, (operator.or_, obj.__args__)


# what the real module's own pickle() calls leave in the table
dispatch_table[complex] = pickle_complex
dispatch_table[type(int | str)] = pickle_union


# and re's, registered when re (loaded at start-up too) is imported: re._pickle, which returns
# (re._compile, (pattern, flags)); the modelled re makes it (re.ts registerReducer)
def _hw_re_reducer():
    import re
    dispatch_table[re.Pattern] = re._pickle


# only where re is loaded at start-up (3.11.7 loads both); 3.12.1 and 3.13.0 load neither, and
# importing copyreg there must not import re (+1 MiB: a pymalloc arena, measured by
# imports.versions.test.ts's 'import copy'): there a script's own 'import re' registers it.
if _hw_re_at_startup:
    _hw_re_reducer()
del _hw_re_reducer, _hw_re_at_startup


def _reconstructor(cls, base, state):
    # protocol 0/1: a new cls object through its first non-Python base (object: no state)
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


_HEAPTYPE = 1 << 9
_new_type = type(int.__new__)


def _reduce_ex(self, proto):
    assert proto < 2
    cls = self.__class__
    for base in cls.__mro__:
        if hasattr(base, '__flags__') and not base.__flags__ & _HEAPTYPE:
            break
        new = base.__new__
        if isinstance(new, _new_type) and new.__self__ is base:
            break
    else:
        base = object
    if base is object:
        state = None
    else:
        if base is cls:
            raise TypeError(f"cannot pickle {cls.__name__!r} object")
        state = base(self)
    args = (cls, base, state)
    try:
        getstate = self.__getstate__
    except AttributeError:
        if getattr(self, "__slots__", None):
            raise TypeError(f"cannot pickle {cls.__name__!r} object: "
                            f"a class that defines __slots__ without "
                            f"defining __getstate__ cannot be pickled "
                            f"with protocol {proto}") from None
        try:
            dict = self.__dict__
        except AttributeError:
            dict = None
    else:
        if (type(self).__getstate__ is object.__getstate__ and
                getattr(self, "__slots__", None)):
            raise TypeError("a class that defines __slots__ without "
                            "defining __getstate__ cannot be pickled")
        dict = getstate()
    if dict:
        return _reconstructor, args, dict
    else:
        return _reconstructor, args


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _slotnames(cls):
    # every __slots__ name along the MRO (private names mangled), cached on the class
    names = cls.__dict__.get("__slotnames__")
    if names is not None:
        return names
    names = []
    if hasattr(cls, "__slots__"):
        for c in cls.__mro__:
            # no built-in type has __slots__ in its __dict__ (and the simulator's built-in types
            # have no __dict__ to look in)
            if c.__module__ == 'builtins':
                continue
            if "__slots__" in c.__dict__:
                slots = c.__dict__['__slots__']
                if isinstance(slots, str):
                    slots = (slots,)
                for name in slots:
                    if name in ("__dict__", "__weakref__"):
                        continue
                    elif name.startswith('__') and not name.endswith('__'):
                        stripped = c.__name__.lstrip('_')
                        if stripped:
                            names.append('_%s%s' % (stripped, name))
                        else:
                            names.append(name)
                    else:
                        names.append(name)
    try:
        cls.__slotnames__ = names
    except:
        pass
    return names


_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def add_extension(module, name, code):
    code = int(code)
    if not 1 <= code <= 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if (_extension_registry.get(key) == code and
            _inverted_registry.get(code) == key):
        return
    if key in _extension_registry:
        raise ValueError("key %s is already registered with code %s" %
                         (key, _extension_registry[key]))
    if code in _inverted_registry:
        raise ValueError("code %s is already in use for key %s" %
                         (code, _inverted_registry[code]))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    key = (module, name)
    if (_extension_registry.get(key) != code or
            _inverted_registry.get(code) != key):
        raise ValueError("key %s is not registered with code %s" % (key, code))
    del _extension_registry[key]
    del _inverted_registry[code]
    if code in _extension_cache:
        del _extension_cache[code]


def clear_extension_cache():
    _extension_cache.clear()
`;
