/**
 * abc as Python (Lib/abc.py over the C _abc): written for Highwater from what the 3.11 module
 * does, never copied. ABCMeta is a real metaclass: __new__ computes __abstractmethods__ (which
 * object.__new__ checks, as Py_TPFLAGS_IS_ABSTRACT) and gives the class its _abc_impl (the
 * registry and the positive/negative caches as sets of weak references, made on first use, as
 * _abc_data's); register(), __instancecheck__ and __subclasscheck__ (with __subclasshook__, the MRO,
 * the registry and the subclasses) as _abc.c runs them. Names from elsewhere: `_hw_unsupported`,
 * `_hw_abstracts(cls[, default])` (a class's own __abstractmethods__), `_hw_ref` (weakref.ref).
 * Not modelled: the weak references' callbacks that drop dead classes from the sets.
 */
export const ABC_SOURCE = `
def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


class _hw_abc_data:
    # _abc._abc_data: the registry and the two caches, sets of weak references made on first use
    __slots__ = ('registry', 'cache', 'negative_cache', 'negative_cache_version')

    def __init__(self, version):
        self.registry = None
        self.cache = None
        self.negative_cache = None
        self.negative_cache_version = version


def _in_weak_set(s, obj):
    if s is None or not s:
        return False
    return _hw_ref(obj) in s


def _add_to(impl, which, subclass):
    s = getattr(impl, which)
    if s is None:
        s = set()
        setattr(impl, which, s)
    s.add(_hw_ref(subclass))


class ABCMeta(type):
    _abc_invalidation_counter = 0

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        # _abc_init: __abstractmethods__ (the namespace's abstract names, and the bases' that
        # are still abstract here), then the class's _abc_impl
        abstracts = {name
                     for name, value in namespace.items()
                     if getattr(value, "__isabstractmethod__", False)}
        for base in bases:
            for name in _hw_abstracts(base):
                value = getattr(cls, name, None)
                if getattr(value, "__isabstractmethod__", False):
                    abstracts.add(name)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_impl = _hw_abc_data(ABCMeta._abc_invalidation_counter)
        return cls

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        impl = cls._abc_impl
        if impl.registry is None:
            impl.registry = set()
        impl.registry.add(_hw_ref(subclass))
        ABCMeta._abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        subclass = instance.__class__
        impl = cls._abc_impl
        if _in_weak_set(impl.cache, subclass):
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (impl.negative_cache_version == ABCMeta._abc_invalidation_counter and
                    _in_weak_set(impl.negative_cache, subclass)):
                return False
            return cls.__subclasscheck__(subclass)
        return any(cls.__subclasscheck__(c) for c in (subclass, subtype))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        impl = cls._abc_impl
        if _in_weak_set(impl.cache, subclass):
            return True
        if impl.negative_cache_version < ABCMeta._abc_invalidation_counter:
            if impl.negative_cache is not None:
                impl.negative_cache.clear()
            impl.negative_cache_version = ABCMeta._abc_invalidation_counter
        elif _in_weak_set(impl.negative_cache, subclass):
            return False
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            if ok:
                _add_to(impl, 'cache', subclass)
            else:
                _add_to(impl, 'negative_cache', subclass)
            return ok
        if cls in subclass.__mro__:
            _add_to(impl, 'cache', subclass)
            return True
        for rcls in list(impl.registry or ()):
            rcls = rcls()
            if rcls is not None and issubclass(subclass, rcls):
                _add_to(impl, 'cache', subclass)
                return True
        for scls in cls.__subclasses__():
            if issubclass(subclass, scls):
                _add_to(impl, 'cache', subclass)
                return True
        _add_to(impl, 'negative_cache', subclass)
        return False

    def _abc_registry_clear(cls):
        cls._abc_impl.registry = None

    def _abc_caches_clear(cls):
        cls._abc_impl.cache = None
        cls._abc_impl.negative_cache = None


class ABC(metaclass=ABCMeta):
    __slots__ = ()


def get_cache_token():
    return ABCMeta._abc_invalidation_counter


def update_abstractmethods(cls):
    if not _hw_abstracts(cls, None):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in _hw_abstracts(scls):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls
`;
