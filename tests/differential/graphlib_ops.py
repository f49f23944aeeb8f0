# graphlib.TopologicalSorter as python3.11 behaves: static_order, the prepare/get_ready/done protocol,
# cycles and the errors
import graphlib as gl

cases = [
    "r = list(gl.TopologicalSorter({'d': {'b', 'c'}, 'c': ['a'], 'b': ['a'], 'a': []}).static_order())",
    "r = list(gl.TopologicalSorter({2: [1], 3: [2], 4: [2, 3], 5: []}).static_order())",
    "t = gl.TopologicalSorter(); t.add('x', 'y', 'z'); t.add('y', 'z'); r = list(t.static_order())",
    "t = gl.TopologicalSorter({1: [2], 2: [3], 3: [1]}); r = t.prepare()",
    "t = gl.TopologicalSorter({'a': ['b'], 'b': ['c'], 'c': ['b'], 'd': ['a']}); r = t.prepare()",
    "t = gl.TopologicalSorter({'a': ['a']}); r = list(t.static_order())",
    "t = gl.TopologicalSorter({1: [0], 2: [0]}); t.prepare(); a = t.get_ready(); t.done(*a); b = t.get_ready(); r = (a, b, t.is_active(), bool(t))",
    "t = gl.TopologicalSorter({1: [0]}); t.prepare(); r = t.done(1)",
    "t = gl.TopologicalSorter({1: [0]}); t.prepare(); t.get_ready(); t.done(0); r = t.done(0)",
    "t = gl.TopologicalSorter({1: [0]}); t.prepare(); r = t.done(7)",
    "t = gl.TopologicalSorter(); r = t.get_ready()",
    "t = gl.TopologicalSorter(); t.prepare(); r = t.prepare()",
    "t = gl.TopologicalSorter(); t.prepare(); r = t.add(1)",
    "t = gl.TopologicalSorter(); r = t.is_active()",
    "r = (issubclass(gl.CycleError, ValueError), gl.__all__)",
    "r = gl.CycleError('nodes are in a cycle', [1, 2, 1]).args",
]
for case in cases:
    try:
        g = {"gl": gl}
        exec(case, g)
        print(repr(g["r"]))
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
