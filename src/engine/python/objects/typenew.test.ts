import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';
import { callsOf, runAll, valueOf } from '../testing';
import { T } from './types';
import { valuesBytes } from './values';

/**
 * Classes made at run time (type(name, bases, dict): the object-model side of the `class`
 * statement) and their instances, as 3.11 lays them out. The allocation sequences themselves
 * are held to CPython in allocations.test.ts; these check the behaviour.
 */
const values = (p: ReturnType<typeof runAll>, names: string[]) => names.map((n) => valueOf(p, n));

describe('classes (type_new) and their instances', () => {
  it('makes a class with its MRO, class attributes, methods bound on instances, and isinstance', () => {
    const p = runAll(
      [
        'def f(self):\n    return 41',
        "A = type('A', (), {'x': 1, 'f': f})",
        "B = type('B', (A,), {'y': 2})",
        'b = B()',
        'r = (b.x, b.y, b.f(), isinstance(b, A), issubclass(B, A), B.__mro__, type(b).__name__, b.__class__ is B)',
        'm = b.f',
        'same = m.__self__ is b and m.__func__ is f and B.f is f',
      ].join('\n'),
    );
    expect(values(p, ['r', 'same'])).toEqual([
      "(1, 2, 41, True, True, (<class '__main__.B'>, <class '__main__.A'>, <class 'object'>), 'B', True)",
      'True',
    ]);
  });

  it('computes a C3 MRO for multiple bases and refuses an inconsistent one', () => {
    const p = runAll(
      "A = type('A', (), {})\nB = type('B', (A,), {})\nC = type('C', (A,), {})\nD = type('D', (B, C), {})\nm = [k.__name__ for k in D.__mro__]",
    );
    expect(valueOf(p, 'm')).toBe("['D', 'B', 'C', 'A', 'object']");
    const r = runScript("A = type('A', (), {})\nB = type('B', (A,), {})\nX = type('X', (A, B), {})");
    expect(r.error?.type).toBe('TypeError');
    expect(r.error?.message).toMatch(/consistent method resolution/);
  });

  it('gives instances values arrays that shrink with each new instance (init_inline_values)', () => {
    const sizes: number[] = [];
    for (const n of [1, 2, 3, 40]) {
      const calls = callsOf(`A = type('A', (), {})\nl = [A() for i in range(${n - 1})]`, 'a = A()');
      sizes.push(Number(calls[1].split(' ')[1]));
    }
    expect(sizes).toEqual([valuesBytes(29), valuesBytes(28), valuesBytes(27), valuesBytes(1)]);
    expect(sizes).toEqual([264, 256, 248, 16]);
  });

  it('keeps attributes in the values array, makes __dict__ on demand, and a real dict past 30 names', () => {
    const p = runAll(
      [
        "A = type('A', (), {})",
        'a = A()',
        'a.x = 1',
        'a.y = 2',
        'd = a.__dict__',
        "d['z'] = 3",
        'r = (a.z, sorted(d.keys()), len(d))',
        'b = A()',
        'for i in range(35):\n    setattr(b, "k" + str(i), i)',
        'n = (len(b.__dict__), b.k34, hasattr(b, "nope"))',
        'del a.x',
        'g = hasattr(a, "x")',
      ].join('\n'),
    );
    expect(values(p, ['r', 'n', 'g'])).toEqual(["(3, ['x', 'y', 'z'], 3)", '(35, 34, False)', 'False']);
  });

  it('lays out __slots__ instances without a __dict__ (sys.getsizeof 48 against 56)', () => {
    const p = runAll(
      "import sys\nS = type('S', (), {'__slots__': ('a', 'b')})\nA = type('A', (), {})\ns = S()\ns.a = 5\nr = (s.a, sys.getsizeof(s), sys.getsizeof(A()), hasattr(s, '__dict__'))",
    );
    expect(valueOf(p, 'r')).toBe('(5, 48, 56, False)');
    const err = runScript("S = type('S', (), {'__slots__': ('a',)})\ns = S()\ns.z = 1").error;
    expect(err).toMatchObject({
      type: 'AttributeError',
      message: "'S' object has no attribute 'z'",
      line: 3,
    });
  });

  it('dispatches the dunders a class defines through its slots', () => {
    const p = runAll(
      [
        'def length(self):\n    return 3',
        'def eq(self, o):\n    return True',
        'def rep(self):\n    return "<A>"',
        'def add(self, o):\n    return 10',
        'def radd(self, o):\n    return 20',
        'def getitem(self, i):\n    return i * 2',
        'def call(self, x):\n    return x + 1',
        "A = type('A', (), {'__len__': length, '__eq__': eq, '__repr__': rep, '__add__': add, '__radd__': radd, '__getitem__': getitem, '__call__': call})",
        'a = A()',
        'r = (len(a), a == 5, repr(a), a + 1, 1 + a, a[4], a(6), bool(a))',
      ].join('\n'),
    );
    expect(valueOf(p, 'r')).toBe("(3, True, '<A>', 10, 20, 8, 7, True)");
    const h = runScript(
      "def eq(self, o):\n    return True\nA = type('A', (), {'__eq__': eq})\nx = {A(): 1}",
    ).error;
    expect(h).toMatchObject({ type: 'TypeError', message: "unhashable type: 'A'", line: 4 });
  });

  it('iterates through __iter__ / __next__, ending at StopIteration', () => {
    const p = runAll(
      [
        'def it(self):\n    return self',
        'def nx(self):\n    self.n = self.n + 1\n    if self.n > 3:\n        next(iter([]))\n    return self.n',
        "C = type('C', (), {'__iter__': it, '__next__': nx})",
        'c = C()',
        'c.n = 0',
        'r = list(c)',
      ].join('\n'),
    );
    expect(valueOf(p, 'r')).toBe('[1, 2, 3]');
  });

  it('runs __init__, and says so when it returns something', () => {
    const p = runAll(
      "def init(self, v):\n    self.v = v * 2\nA = type('A', (), {'__init__': init})\na = A(21)\nr = a.v",
    );
    expect(valueOf(p, 'r')).toBe('42');
    const e = runScript(
      "def init(self):\n    return 1\nA = type('A', (), {'__init__': init})\na = A()",
    ).error;
    expect(e).toMatchObject({
      type: 'TypeError',
      message: "__init__() should return None, not 'int'",
      line: 4,
    });
    expect(runScript("A = type('A', (), {})\na = A(1)").error?.message).toBe('A() takes no arguments');
  });

  it('has staticmethod, classmethod, property and super', () => {
    const p = runAll(
      [
        'def s(x):\n    return x + 1',
        'def c(cls):\n    return cls.__name__',
        'def g(self):\n    return self.v * 10',
        'def f(self):\n    return "A.f"',
        'def f2(self):\n    return "B.f"',
        "A = type('A', (), {'s': staticmethod(s), 'c': classmethod(c), 'p': property(g), 'f': f})",
        "B = type('B', (A,), {'f': f2})",
        'b = B()',
        'b.v = 4',
        'r = (b.s(1), A.s(2), b.c(), B.c(), b.p, b.f(), super(B, b).f())',
      ].join('\n'),
    );
    expect(valueOf(p, 'r')).toBe("(2, 3, 'B', 'B', 40, 'B.f', 'A.f')");
  });

  it('frees a class once its instances are gone and the collector breaks its cycles; its type id is reused', () => {
    const p = runAll("import gc\nA = type('A', (), {})\na = A()\nid1 = A\ndel id1");
    const vm = p.vm;
    const A = p.interpreter!.loadGlobal('A');
    const id = vm.slotsOf(A).id;
    vm.decref(A);
    expect(id).toBeGreaterThanOrEqual(T.FirstDynamic);
    const live = vm.table.live;
    p.interpreter!.deleteGlobal('a');
    p.interpreter!.deleteGlobal('A');
    vm.gc.collectFull();
    expect(vm.table.live).toBeLessThan(live - 5);
    expect(vm.newTypeId()).toBe(id);
  });
});
