/**
 * Python -> C -> Python recursions (issue 7): each script recurses through one C path until
 * RecursionError, keeping the deepest level in `d[0]`. The real 3.11.7's levels are in
 * tests/fidelity/recorded/stack-paths-3.11.7.txt (tools/stack/paths.py prints them).
 */
export const STACK_PATHS: Record<string, string> = {
  lru_cache: `
import functools
@functools.lru_cache(maxsize=None)
def f(n):
    d[0] = n
    return f(n + 1) + 1
f(1)`,
  instantiate: `
class Node:
    def __init__(self, n):
        d[0] = n
        self.child = Node(n + 1)
Node(1)`,
  dunder_call: `
class C:
    def __call__(self, n):
        d[0] = n
        return self(n + 1)
C()(1)`,
  repr: `
class R:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        d[0] = self.n
        return repr(R(self.n + 1))
repr(R(1))`,
  sorted_key: `
def key(n):
    d[0] = n
    return sorted([n + 1], key=key)[0]
key(1)`,
  map: `
def f(n):
    d[0] = n
    return list(map(f, [n + 1]))[0]
f(1)`,
  filter: `
def f(n):
    d[0] = n
    return list(filter(f, [n + 1]))
f(1)`,
  eq: `
class E:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        d[0] = self.n
        return E(self.n + 1) == other
E(1) == 0`,
  hash: `
class H:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        d[0] = self.n
        return hash(H(self.n + 1))
hash(H(1))`,
  getitem: `
class G:
    def __getitem__(self, n):
        d[0] = n
        return list(map(self.__class__.__getitem__, [self], [n + 1]))
G()[1]`,
  getitem_iter: `
class G:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i > 0:
            raise IndexError
        d[0] = self.n
        return list(G(self.n + 1))
list(G(1))`,
  json_default: `
import json
class J:
    def __init__(self, n):
        self.n = n
def default(o):
    d[0] = o.n
    return json.dumps(J(o.n + 1), default=default)
json.dumps(J(1), default=default)`,
  deepcopy: `
import copy
class D:
    def __init__(self, n):
        self.n = n
    def __deepcopy__(self, memo):
        d[0] = self.n
        return copy.deepcopy(D(self.n + 1))
copy.deepcopy(D(1))`,
  pickle_reduce: `
import pickle
class P:
    def __init__(self, n):
        self.n = n
    def __reduce__(self):
        d[0] = self.n
        pickle.dumps(P(self.n + 1))
        return (P, (self.n,))
pickle.dumps(P(1))`,
  for_map: `
def f(n):
    d[0] = n
    for x in map(f, [n + 1]):
        return x
f(1)`,
  for_filter: `
def f(n):
    d[0] = n
    for x in filter(f, [n + 1]):
        return x
f(1)`,
  min_key: `
def key(n):
    d[0] = n
    return min([n + 1], key=key)
key(1)`,
  max_key: `
def key(n):
    d[0] = n
    return max([n + 1, n + 1], key=key)
key(1)`,
  dict_hash: `
class H:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        d[0] = self.n
        return len({H(self.n + 1): 0})
hash(H(1))`,
  set_eq: `
class E:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return 0
    def __eq__(self, other):
        d[0] = self.n
        return other in {E(self.n + 1)}
E(1) == E(0)`,
  str_nested: `
class S:
    def __init__(self, n):
        self.n = n
    def __str__(self):
        d[0] = self.n
        return str(S(self.n + 1))
str(S(1))`,
  fstring_nested: `
class S:
    def __init__(self, n):
        self.n = n
    def __str__(self):
        d[0] = self.n
        return f"<{S(self.n + 1)}>"
str(S(1))`,
  repr_list: `
class R:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        d[0] = self.n
        return repr([R(self.n + 1)])
repr(R(1))`,
  deepcopy_reduce_ex: `
import copy
class D:
    def __init__(self, n):
        self.n = n
    def __reduce_ex__(self, proto):
        d[0] = self.n
        return (D, (D(self.n + 1),))
copy.deepcopy(D(1))`,
  pickle_getstate: `
import pickle
class P:
    def __init__(self, n):
        self.n = n
    def __getstate__(self):
        d[0] = self.n
        return {'c': P(self.n + 1)}
pickle.dumps(P(1))`,
  reduce: `
import functools
def f(a, b):
    d[0] = b
    return functools.reduce(f, [a, b + 1])
functools.reduce(f, [0, 1])`,
  starmap: `
import itertools
def f(n):
    d[0] = n
    return list(itertools.starmap(f, [(n + 1,)]))
f(1)`,
  accumulate: `
import itertools
def f(a, b):
    d[0] = b
    return list(itertools.accumulate([a, b + 1], f))[-1]
f(0, 1)`,
  print_repr: `
class A:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        d[0] = self.n
        return repr(A(self.n + 1))
print(A(1))`,
  print_print: `
class A:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        d[0] = self.n
        print(A(self.n + 1))
        return 'x'
print(A(1))`,
  print_str: `
class A:
    def __init__(self, n):
        self.n = n
    def __str__(self):
        d[0] = self.n
        print(A(self.n + 1))
        return 'x'
print(A(1))`,
  format_nested: `
class A:
    def __init__(self, n):
        self.n = n
    def __format__(self, spec):
        d[0] = self.n
        return format(A(self.n + 1), spec)
format(A(1), '')`,
};

/**
 * The script of one path: `d` at module level, the RecursionError caught, `d[0]` printed; with
 * `cap`, a RecursionError('cap') raised at that level (how deep a page run gets, found by bisection).
 */
export function pathScript(name: string, cap = 0): string {
  const body = STACK_PATHS[name]
    .trim()
    .split('\n')
    .map(
      (l) =>
        '    ' +
        l +
        (cap > 0 && l.includes('d[0] = ')
          ? `\n    ${l.split('d')[0]}if d[0] >= ${cap}: raise RecursionError('cap')`
          : ''),
    )
    .join('\n');
  return `d = [0]\ntry:\n${body}\nexcept RecursionError as e:\n    print(${JSON.stringify(name)}, d[0], repr(str(e)))\n`;
}
