/**
 * typing's introspection helpers as Python, appended to typingSource.ts's text (written for
 * Highwater from what 3.11's typing.py does, never copied): get_type_hints for functions, methods
 * and modules (the annotations dict copied, None made NoneType, a string annotation evaluated as a
 * ForwardRef in the function's globals, then _strip_annotations' dict comprehension), get_origin and
 * get_args. functools.singledispatch's `register` reads an annotated function through it.
 * get_type_hints of a class (the MRO walk over each base's __annotations__) and Annotated are not
 * modelled (`_hw_unsupported`).
 */
export const TYPING_HINTS_SOURCE = `

def _hw_forward_evaluate(ref, globalns, localns, recursive_guard):
    if ref.__forward_arg__ in recursive_guard:
        return ref
    if not ref.__forward_evaluated__ or localns is not globalns:
        if globalns is None and localns is None:
            globalns = localns = {}
        elif globalns is None:
            globalns = localns
        elif localns is None:
            localns = globalns
        value = _type_check(eval(ref.__forward_arg__, globalns, localns),
                            "Forward references must evaluate to types.",
                            is_argument=ref.__forward_is_argument__,
                            allow_special_forms=ref.__forward_is_class__)
        ref.__forward_value__ = _eval_type(value, globalns, localns,
                                           recursive_guard | {ref.__forward_arg__})
        ref.__forward_evaluated__ = True
    return ref.__forward_value__


ForwardRef._evaluate = _hw_forward_evaluate


def _eval_type(t, globalns, localns, recursive_guard=frozenset()):
    if isinstance(t, ForwardRef):
        return t._evaluate(globalns, localns, recursive_guard)
    if isinstance(t, (_GenericAlias, _hw_GenericAlias, _hw_UnionType)):
        args = tuple(_eval_type(a, globalns, localns, recursive_guard) for a in t.__args__)
        if args == t.__args__:
            return t
        if isinstance(t, _hw_GenericAlias):
            return _hw_GenericAlias(t.__origin__, args)
        if isinstance(t, _hw_UnionType):
            return Union[args]
        return t.copy_with(args)
    return t


def _strip_annotations(t):
    return t


_allowed_types = (_FunctionType, _hw_BuiltinFunctionType, _hw_MethodType, _hw_ModuleType)


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    if getattr(obj, '__no_type_check__', None):
        return {}
    if isinstance(obj, type):
        _hw_unsupported("typing.get_type_hints of a class")
    if globalns is None:
        if isinstance(obj, _hw_ModuleType):
            globalns = obj.__dict__
        else:
            nsobj = obj
            while hasattr(nsobj, '__wrapped__'):
                nsobj = nsobj.__wrapped__
            globalns = getattr(nsobj, '__globals__', {})
        if localns is None:
            localns = globalns
    elif localns is None:
        localns = globalns
    hints = getattr(obj, '__annotations__', None)
    if hints is None:
        if isinstance(obj, _allowed_types):
            return {}
        raise TypeError('{!r} is not a module, class, method, '
                        'or function.'.format(obj))
    hints = dict(hints)
    for name, value in hints.items():
        if value is None:
            value = type(None)
        if isinstance(value, str):
            value = ForwardRef(value, is_argument=not isinstance(obj, _hw_ModuleType), is_class=False)
        hints[name] = _eval_type(value, globalns, localns)
    return hints if include_extras else {k: _strip_annotations(t) for k, t in hints.items()}


def get_origin(tp):
    if isinstance(tp, (_BaseGenericAlias, _hw_GenericAlias)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, _hw_UnionType):
        return _hw_UnionType
    return None


def get_args(tp):
    if isinstance(tp, (_GenericAlias, _hw_GenericAlias)):
        res = tp.__args__
        if isinstance(tp, _CallableGenericAlias) and res and res[0] is not Ellipsis:
            res = (list(res[:-1]), res[-1])
        return res
    if isinstance(tp, _hw_UnionType):
        return tp.__args__
    return ()
`;
