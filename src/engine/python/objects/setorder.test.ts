import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PythonProcess } from '../process';
import { runScript } from '../runscript';
import { hashValue } from '../abstract/hashvalue';
import { hashKey } from '../abstract/hash';
import { computeEntryHash, entryHash } from './sethash';

/**
 * What a script sees of a set's order: iteration, repr, list(), pop() follow the slot table
 * (the hash, the probe path, dummies, resizes), as python3.11 (3.11.7, PYTHONHASHSEED=0) printed
 * for this script; and the set algebra's results and errors.
 */
const SCRIPT =
  'a = set(range(10)); b = frozenset(range(5, 15))\nprint(a & b, b & a, a | b == b | a, b - a, a ^ b)\nprint(type(b & a).__name__, type(a & b).__name__)\nprint({3, 1, 2}, {"banana", "apple", "cherry", "date"}, {-1, -2, 2**40, 7.5, (1, 2)})\ns = {"x%d" % i for i in range(20)}\nprint(s)\nprint(sorted(s) == sorted(list(s)), len(s))\ns.discard("x3"); s.add("new"); print(s)\nprint(s.pop(), s.pop(), len(s))\nprint(a.union([100, 101], (5,)), a.intersection(b, {6, 7, 99}), a.difference(b, [0]), a.symmetric_difference([1, 50]))\nprint(a.issubset(range(20)), a.issuperset([1, 2]), a.isdisjoint(b), {1}.isdisjoint([2]))\nc = set(a); c |= {77}; c &= set(range(8)) | {77}; c -= {0}; c ^= {1, 555}; print(c)\nd = set(); d.update("hello", [1, 2]); print(d)\nd.intersection_update("hel"); print(d); d.difference_update("h"); print(d)\ne = {1, 2, 3}; e.symmetric_difference_update([3, 4]); print(e, e.copy(), frozenset(e).copy())\ntry:\n    set().pop()\nexcept KeyError as ex:\n    print("KeyError", ex)\ntry:\n    for x in e:\n        e.add(x + 100)\nexcept RuntimeError as ex:\n    print("RuntimeError", ex)\nprint(list({i * 37 % 101 for i in range(60)}))\nf = {str(i) for i in range(1000)}\nprint(list(f)[:15])\nw = {1.5, 2.5, 0.1, 1e100}\nprint(w, {True, 2, 3.0, "\u00e9", "\u65e5\u672c", b"xy", frozenset({1})})\ng = set(range(100)); \nfor i in range(0, 100, 3): g.discard(i)\nprint(list(g)[:10]); g.add(3); g.add(1000); print(list(g)[:12])\nprint({1,2} < {1,2,3}, {1,2} <= {1,2}, {1,2,3} > {1}, {1} == frozenset([1]))\nprint(set({"a": 1, "b": 2, "zz": 3}), set("mississippi"))\n';
const PRINTED_BY_CPYTHON =
  "{5, 6, 7, 8, 9} frozenset({5, 6, 7, 8, 9}) True frozenset({10, 11, 12, 13, 14}) {0, 1, 2, 3, 4, 10, 11, 12, 13, 14}\nfrozenset set\n{1, 2, 3} {'date', 'banana', 'cherry', 'apple'} {1099511627776, (1, 2), -1, 7.5, -2}\n{'x0', 'x19', 'x11', 'x15', 'x4', 'x3', 'x7', 'x12', 'x18', 'x13', 'x9', 'x2', 'x5', 'x10', 'x16', 'x14', 'x17', 'x8', 'x6', 'x1'}\nTrue 20\n{'x0', 'x19', 'x11', 'x15', 'x4', 'x7', 'x12', 'x18', 'x13', 'x9', 'x2', 'x5', 'x10', 'new', 'x16', 'x14', 'x17', 'x8', 'x6', 'x1'}\nx0 x19 18\n{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 100, 101} {6, 7} {1, 2, 3, 4} {0, 2, 3, 4, 5, 6, 7, 8, 9, 50}\nTrue True False True\n{2, 3, 4, 5, 6, 7, 555, 77}\n{1, 2, 'h', 'o', 'e', 'l'}\n{'e', 'h', 'l'}\n{'e', 'l'}\n{1, 2, 4} {1, 2, 4} frozenset({1, 2, 4})\nKeyError 'pop from an empty set'\nRuntimeError Set changed size during iteration\n[0, 2, 3, 5, 6, 9, 10, 12, 13, 15, 16, 19, 20, 22, 23, 25, 26, 29, 30, 32, 33, 36, 37, 39, 40, 42, 43, 46, 47, 49, 50, 52, 53, 56, 57, 59, 60, 62, 63, 66, 67, 69, 70, 73, 74, 76, 77, 79, 80, 83, 84, 86, 87, 89, 90, 93, 94, 96, 97, 100]\n['744', '801', '816', '658', '91', '223', '336', '697', '133', '214', '783', '399', '660', '614', '643']\n{0.1, 1.5, 2.5, 1e+100} {True, 2, 3.0, '\u00e9', b'xy', '\u65e5\u672c', frozenset({1})}\n[1, 2, 4, 5, 7, 8, 10, 11, 13, 14]\n[1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17]\nTrue True True True\n{'zz', 'a', 'b'} {'p', 'm', 's', 'i'}\n";

describe('set order and algebra as CPython 3.11 shows them', () => {
  it('prints what python3.11 printed, member for member', () => {
    const r = runScript(SCRIPT);
    expect(r.error ?? null).toBeNull();
    expect(r.output).toBe(PRINTED_BY_CPYTHON);
  });

  it('keys instances by what their __hash__ returns, past 2**53 too (a tuple of fields), as python3.11 printed', () => {
    // Before: a __hash__ result past 2**53 was read from the int's double column, so every instance
    // hashing a tuple of its fields looked like the same key and a set of 300,000 points kept 171.
    const r = runScript(
      'class P:\n    __slots__ = ("x", "y")\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n    def __eq__(self, other):\n        return isinstance(other, P) and self.x == other.x and self.y == other.y\n    def __hash__(self):\n        return hash((self.x, self.y))\n    def __repr__(self):\n        return f"P({self.x}, {self.y})"\nclass Big:\n    def __init__(self, v):\n        self.v = v\n    def __hash__(self):\n        return self.v\n    def __eq__(self, other):\n        return self.v == other.v\n    def __repr__(self):\n        return f"B{self.v % 1000}"\ns = {P(i % 7, i % 5) for i in range(100)}\nprint(len(s), s)\nd = {P(i, -i): i for i in range(12)}\nprint(len(d), d[P(3, -3)], P(3, -3) in d, P(3, 3) in d)\nb = {Big(2**70 + i) for i in range(6)} | {Big(-1), Big(2**63 - 1)}\nprint(len(b), b, hash(Big(-1)), hash(Big(2**70)))\n',
    );
    expect(r.error ?? null).toBeNull();
    expect(r.output).toBe(
      '35 {P(4, 0), P(3, 4), P(4, 3), P(3, 1), P(5, 4), P(5, 1), P(0, 2), P(2, 2), P(1, 0), P(1, 3), P(6, 2), P(4, 2), P(3, 0), P(3, 3), P(5, 0), P(5, 3), P(0, 1), P(2, 4), P(1, 2), P(0, 4), P(2, 1), P(6, 1), P(6, 4), P(3, 2), P(4, 1), P(5, 2), P(4, 4), P(0, 0), P(1, 1), P(0, 3), P(2, 0), P(1, 4), P(2, 3), P(6, 0), P(6, 3)}\n12 3 True False\n8 {B424, B425, B426, B427, B428, B429, B999, B807} -2 512\n',
    );
  });

  it('hashes a str in 32-bit halves exactly as the BigInt SipHash-1-3 does', () => {
    const p = new PythonProcess();
    p.load('');
    const vm = p.vm;
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: 0, max: 0xff }),
            fc.integer({ min: 0x100, max: 0xd7ff }),
            fc.integer({ min: 0x10000, max: 0x10ffff }),
          ),
          { maxLength: 40 },
        ),
        (cps) => {
          p.exec(`__s = ''.join(map(chr, [${cps.join(', ')}]))`);
          const h = p.globalValue('__s');
          computeEntryHash(vm, h, hashKey(vm, h));
          const want = BigInt.asUintN(64, hashValue(vm, h));
          const got = (BigInt(entryHash.hi >>> 0) << 32n) | BigInt(entryHash.lo >>> 0);
          expect(got).toBe(want);
        },
      ),
      { numRuns: 200 },
    );
  });
});
