# copyreg as python3.11 has it: the registry's start-up entries, the constructors, _slotnames, extension codes
import copyreg

class P:
    __slots__ = ('x', 'y', '__dict__')

class Q(P):
    __slots__ = 'z'

class Plain:
    pass

cases = [
    "r = sorted(t.__name__ for t in copyreg.dispatch_table), sorted(copyreg.__all__)",
    "r = copyreg.dispatch_table[complex](3+4j)",
    "r = copyreg.constructor(len), copyreg.constructor(5)",
    "r = copyreg.pickle(int, 5)",
    "r = copyreg._slotnames(Q), Q.__slotnames__, copyreg._slotnames(Plain), copyreg._slotnames(P)",
    "r = type(copyreg.__newobj__(Plain)).__name__, copyreg.__newobj__(int, 7), copyreg.__newobj_ex__(dict, (), {'a': 1})",
    "r = type(copyreg._reconstructor(Plain, object, None)).__name__",
    "copyreg.add_extension('m', 'n', 300); copyreg.add_extension('m', 'n', 300); r = copyreg._extension_registry, copyreg._inverted_registry",
    "r = copyreg.add_extension('m', 'o', 300)",
    "r = copyreg.add_extension('m', 'n', 301)",
    "r = copyreg.add_extension('m', 'n', 0)",
    "copyreg.remove_extension('m', 'n', 300); r = copyreg._extension_registry",
    "r = copyreg.remove_extension('m', 'n', 300)",
    "copyreg.clear_extension_cache(); r = copyreg._extension_cache",
]
for case in cases:
    try:
        g = {"copyreg": copyreg, "P": P, "Q": Q, "Plain": Plain}
        exec(case, g)
        print(repr(g["r"]))
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
