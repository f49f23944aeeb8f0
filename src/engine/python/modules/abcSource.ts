/**
 * abc as Python (Lib/abc.py over the C _abc): written for Highwater from what the 3.11 module
 * does, never copied. ABCMeta is a metaclass, which the simulator does not run in general: its
 * __new__ (`_hw_build`: type() makes the class, then _abc_init's __abstractmethods__, the names
 * whose value has __isabstractmethod__ plus the bases' abstract names not yet overridden) runs
 * through classhooks.ts for `class X(ABC)` and `metaclass=ABCMeta`, and object.__new__ refuses a
 * class with abstract methods as object_new does (enum.ts' sibling, abc.ts). Names from
 * elsewhere: `_hw_unsupported`, `_hw_abstracts(cls[, default])` (type's __abstractmethods__
 * getset: the class's own dict only, default () when absent). Not modelled: register() (virtual subclasses),
 * __subclasshook__, and the _abc_data caches isinstance() fills.
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


class ABCMeta(type):
    pass


def _hw_build(name, bases, namespace):
    cls = type(name, bases, namespace)
    abstracts = {name
                 for name, value in namespace.items()
                 if getattr(value, "__isabstractmethod__", False)}
    for base in bases:
        for name in _hw_abstracts(base):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


def _hw_register(cls, subclass):
    _hw_unsupported('abc.ABCMeta.register (virtual subclasses)')


class ABC:
    __slots__ = ()


def get_cache_token():
    _hw_unsupported('abc.get_cache_token')


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
