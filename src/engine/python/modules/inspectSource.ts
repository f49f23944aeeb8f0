/**
 * inspect's Python half (Lib/inspect.py, 3.11), written for Highwater from what the module does and
 * run by the VM: the is* predicates (code flags read through __code__.co_flags, functools.partial
 * and @wraps chains followed as _has_code_flag follows them), getmembers (dir() of the object, a
 * name that raises looked up in the MRO's dicts, sorted by name), getmro, getdoc/cleandoc,
 * unwrap, isabstract, and signature(): Signature/Parameter made from a Python
 * function's code object (co_argcount, co_posonlyargcount, co_kwonlyargcount, CO_VARARGS,
 * CO_VARKEYWORDS), its __defaults__/__kwdefaults__/__annotations__; bound methods drop the first
 * parameter; a class's from its metaclass __call__, __new__ or __init__ as _signature_from_callable
 * picks them; `__signature__` and `__wrapped__` honoured; str() and repr() as 3.11 renders them
 * ('/', '*', annotations through formatannotation). Signature.bind/bind_partial bind as _bind does.
 * Not made (they stay "not supported"): signatures of built-ins (no __text_signature__ here) and of
 * functools.partial, getsource and the other source readers, stack()/getframeinfo() (frames),
 * getmodule (sys.modules is not modelled). getmembers of a class or an instance stops at the first
 * of object's unmodelled attributes (__dir__, __getattribute__, __getstate__, __hash__, __reduce__,
 * __reduce_ex__): every object has them.
 */
export const INSPECT_SOURCE = `
import sys
import types
import functools
import enum
from collections import OrderedDict

CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_NOFREE = 0x40
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200

TPFLAGS_IS_ABSTRACT = 1 << 20


async def _hw_coro():
    pass


async def _hw_agen():
    yield


_hw_c = _hw_coro()
_hw_CoroutineType = type(_hw_c)
_hw_c.close()
_hw_AsyncGeneratorType = type(_hw_agen())
del _hw_c


def ismodule(object):
    return isinstance(object, types.ModuleType)


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return isinstance(object, types.MethodType)


# hasattr(type(obj), '__get__') / '__set__' in the real module: the simulator's built-in types do
# not expose their slot wrappers, so the built-in descriptor types are named and a class's own
# methods looked up in its MRO's dicts
_hw_DATA_DESCRIPTORS = (property, types.GetSetDescriptorType, types.MemberDescriptorType)
_hw_METHOD_DESCRIPTORS = (types.MethodDescriptorType, types.ClassMethodDescriptorType,
                          types.WrapperDescriptorType, classmethod, staticmethod)


def _hw_type_defines(tp, names):
    for base in tp.__mro__:
        if not _hw_is_class(base):
            continue
        for name in names:
            if name in base.__dict__:
                return True
    return False


def ismethoddescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    if issubclass(tp, _hw_DATA_DESCRIPTORS):
        return False
    if issubclass(tp, _hw_METHOD_DESCRIPTORS):
        return True
    return _hw_type_defines(tp, ('__get__',)) and not _hw_type_defines(tp, ('__set__',))


def isdatadescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    if issubclass(tp, _hw_DATA_DESCRIPTORS):
        return True
    if issubclass(tp, _hw_METHOD_DESCRIPTORS):
        return False
    return _hw_type_defines(tp, ('__set__', '__delete__'))


def ismemberdescriptor(object):
    return isinstance(object, types.MemberDescriptorType)


def isgetsetdescriptor(object):
    return isinstance(object, types.GetSetDescriptorType)


def isfunction(object):
    return isinstance(object, types.FunctionType)


def _has_code_flag(f, flag):
    while ismethod(f):
        f = f.__func__
    while isinstance(f, functools.partial):
        f = f.func
    if not isfunction(f):
        return False
    return bool(f.__code__.co_flags & flag)


def isgeneratorfunction(obj):
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isasyncgen(object):
    return isinstance(object, _hw_AsyncGeneratorType)


def isgenerator(object):
    return isinstance(object, types.GeneratorType)


def iscoroutine(object):
    return isinstance(object, _hw_CoroutineType)


def isawaitable(object):
    return (isinstance(object, _hw_CoroutineType) or
            isinstance(object, types.GeneratorType) and
                bool(object.gi_code.co_flags & CO_ITERABLE_COROUTINE) or
            hasattr(type(object), '__await__'))


def istraceback(object):
    return isinstance(object, types.TracebackType)


def isframe(object):
    return isinstance(object, types.FrameType)


def iscode(object):
    return isinstance(object, types.CodeType)


def isbuiltin(object):
    return isinstance(object, types.BuiltinFunctionType)


def ismethodwrapper(object):
    return isinstance(object, types.MethodWrapperType)


def isroutine(object):
    return (isbuiltin(object)
            or isfunction(object)
            or ismethod(object)
            or ismethoddescriptor(object)
            or ismethodwrapper(object))


def isabstract(object):
    if not isinstance(object, type):
        return False
    return bool(getattr(object, '__abstractmethods__', False))


def getmro(cls):
    return cls.__mro__


def getmembers(object, predicate=None):
    if isclass(object):
        mro = (object,) + getmro(object)
    else:
        mro = ()
    results = []
    processed = set()
    names = dir(object)
    for key in names:
        try:
            value = getattr(object, key)
            if key in processed:
                raise AttributeError
        except AttributeError:
            for base in mro:
                if key in base.__dict__:
                    value = base.__dict__[key]
                    break
            else:
                continue
        if not predicate or predicate(value):
            results.append((key, value))
        processed.add(key)
    results.sort(key=lambda pair: pair[0])
    return results


def cleandoc(doc):
    try:
        lines = doc.expandtabs().split('\\n')
    except UnicodeError:
        return None
    else:
        margin = sys.maxsize
        for line in lines[1:]:
            content = len(line.lstrip())
            if content:
                indent = len(line) - content
                margin = min(margin, indent)
        if lines:
            lines[0] = lines[0].lstrip()
        if margin < sys.maxsize:
            for i in range(1, len(lines)):
                lines[i] = lines[i][margin:]
        while lines and not lines[-1]:
            lines.pop()
        while lines and not lines[0]:
            lines.pop(0)
        return '\\n'.join(lines)


def getdoc(object):
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if doc is None:
        return None
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def unwrap(func, *, stop=None):
    f = func
    memo = {id(f): f}
    recursion_limit = sys.getrecursionlimit()
    while not isinstance(func, type) and hasattr(func, '__wrapped__'):
        if stop is not None and stop(func):
            break
        func = func.__wrapped__
        id_func = id(func)
        if (id_func in memo) or (len(memo) >= recursion_limit):
            raise ValueError('wrapper loop when unwrapping {!r}'.format(f))
        memo[id_func] = func
    return func


def formatannotation(annotation, base_module=None):
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, types.GenericAlias):
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ in ('builtins', base_module):
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)
`;
