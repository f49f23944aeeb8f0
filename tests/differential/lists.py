# Differential script: list methods, slicing, sorting, builtins over iterables, numeric corners.
# One expression (or `stmts; r = value`) per line; each prints its repr or `Type: message`.
EXPRS = r'''
a = list(range(10)); a[::2] = "abcde"; r = a
a = list(range(10)); a[::3] = [0, 0]; r = a
a = list(range(10)); a[1:8:2] = []; r = a
a = list(range(10)); a[::-2] = range(5); r = a
a = list(range(10)); a[2:5] = "xyzw"; r = a
a = list(range(10)); a[5:2] = [7, 7]; r = a
a = list(range(10)); a[:] = a[::-1]; r = a
a = list(range(10)); del a[::2]; r = a
a = list(range(10)); del a[::-3]; r = a
a = list(range(10)); del a[7:2:-1]; r = a
a = list(range(10)); del a[100:]; r = a
a = [1, 2, 3]; a[len(a):] = [4]; a[:0] = [0]; r = a
a = [1, 2, 3]; a[1:1] = a; r = a
a = [1, 2, 3]; a.insert(-100, "lo"); a.insert(100, "hi"); a.insert(-1, "m"); a.insert(1, "x"); r = a
a = [1, 2]; a.extend(x * x for x in range(4)); a.extend("ab"); a.extend(range(2)); a += (9,); r = a
a = [1, 2]; a *= 3; b = [0]; b *= 0; c = [[]] * 3; c[0].append(1); r = (a, b, c)
a = [1, 2]; a *= -1; r = a
a = [3, 1, 2]; r = (a.sort(), a, a.reverse(), a)
a = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]; a.sort(key=lambda t: t[1]); r = a
a = ["bb", "A", "c", "aa", "B"]; a.sort(key=str.lower); b = sorted(a, key=len, reverse=True); r = (a, b)
sorted([3, 1, 2], key=None), sorted("Banana"), sorted([[2, 1], [1, 3], [1, 2]]), sorted({3: 1, 1: 2}.items())
sorted([1, "a"])
sorted([3, 1], reverse=1), sorted([], key=len), sorted((x for x in [5, 4]))
a = [1, 2, 3, 2]; a.remove(2); r = (a, a.pop(), a.pop(0), a, a.index(3) if 3 in a else -1)
[1, 2, 3].pop(5)
[1, 2, 3].index(2, 2)
[1, 2, 3, 2].index(2, -2), [1, 2, 3].count(4), [[1]].count([1]), [1, 2] + [3], [1, 2] * 0
[1] + (2,)
a = [1, 2, 3]; b = a.copy(); b.append(4); a.clear(); r = (a, b)
[0, 1, 2, 3, 4][-2:], [0, 1, 2, 3, 4][::-2], [0, 1, 2, 3, 4][-100:100:3], [0, 1, 2, 3, 4][4:1:-1], [0, 1, 2, 3, 4][1:4:-1]
[0, 1, 2][::0]
[0, 1, 2][3]
[0, 1, 2][-4]
[0, 1, 2]["1"]
[1, 2] == [1, 2.0], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, [2]] == [1, [2]], [] < [0]
[1] < ["a"]
min([3, 1, 2], key=lambda x: -x), max("ab", "ba", "c"), min((), default="none"), max([], key=len, default=7), min([[2], [1, 5]])
max()
max(1)
min([], key=len)
max(3, 2, default=0)
min(iter([4, 2, 8])), max({"b": 1, "a": 2}), max([1, 3, 3.0], key=abs), min([2, 1, 1.0]), max(["aa", "b"], key=len)
list(enumerate("abc", -1)), list(enumerate([], 5)), list(enumerate(range(3), start=10))
list(zip("ab", [1, 2], (True, False))), list(zip()), list(zip("abc", "x")), list(zip("ab", "xy", strict=True))
list(zip("abc", "xy", strict=True))
list(zip("ab", "xyz", strict=True))
list(map(pow, [2, 3], [3, 2])), list(map(lambda *a: sum(a), [1, 2, 3], [10, 20], [100, 200, 300])), list(map(str.upper, "ab"))
list(filter(lambda x: x % 2, range(7))), list(reversed(range(5))), list(reversed("ab")), list(reversed([]))
reversed({1, 2})
sum(range(101)), sum([1.5, 2.5]), sum([], 10), sum(((1,), (2,)), ()), sum([True, True, False]), sum(x for x in range(4))
sum([1], start=5), sum([0.1] * 3), sum([1, 2.0])
int("  -0x1f  ".strip(), 16), int("0o17", 0), int("z", 36), int("-0"), int(2.5e10), int("١٢٣"), int(b"42"), int("+5")
int("08", 0)
int("12", 1)
int(float("inf"))
int(float("nan"))
int("1__0")
float("nan") == float("nan"), float("-0.0"), float("  2.5\n"), float("1e500"), float("-1e-500"), float(True), float("inFinity")
float("1e")
round(0.5), round(1.5), round(-1.5), round(2.5, 0), round(0.125, 2), round(0.375, 2), round(15, -1), round(25, -1), round(-25, -1)
round(1.23456, 3), round(123.456, -2), round(1e20, 2), round(7), round(7.7), round(-7.7, None), round(5, 2), type(round(2.5, 0)).__name__
round(float("inf"))
divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(7.5, -2), divmod(-0.0, 1), divmod(2**70, 7), divmod(1, 0.3)
divmod(1, 0)
divmod(1.0, 0.0)
pow(2, -2), pow(-2, 3), pow(2, 100), pow(2.0, 3), pow(-8, 1/3) if False else 0, pow(0, 0), pow(0.0, 0), pow(5, 3, 7), pow(-5, 3, 7), pow(5, -1, 12)
pow(2, -1, 4)
pow(2, 3, 0)
pow(2.0, 3, 5)
0 ** -1
True + True, True * 5, -True, ~True, True / 2, False // True, True ** 10, True & False, True | 2, True ^ True, abs(False), int(True) is 1 if False else 0
True == 1, False == 0.0, True is 1 if False else 0, hash(True) == hash(1), {True: "a", 1: "b", 1.0: "c"}, [True, 1, 1.0].count(1)
1 < 2 < 3 < 4, 1 < 2 > 0, 3 > 2 == 2, 1 == 1 < 2, 1 < 2 in [2], "a" < "b" < "c" != "c", 0 <= 5 < 5, 1 is 1 == 1 if False else 0
2 < "a" < 3
x = 256; y = 256; r = x is y
x = 257; y = int("257"); r = (x is y, x == y)
x = -5; y = int("-5"); r = (x is y, -6 is int("-6") if False else 0)
x = "hello"; y = "hel" + "lo"; r = (x == y, x is y)
x = "hello world"; y = " ".join(["hello", "world"]); r = (x == y, x is y)
x = (); y = tuple(); r = x is y
x = "a"; y = chr(97); r = x is y
abs(-0.0), abs(-2**70), abs(True), -(-2**63), ~0, ~-1, 5 & -3, -5 >> 1, 1 << 70, -1 << 3, 7 ^ -1, 2**64 | 1
1 << -1
1.5 << 1
isinstance(True, bool), bool.__mro__ if False else 0, int.__name__, (1).__class__.__name__, len([1, [2, 3]]), len("héllo"), len(b"\x00\x01")
len(5)
list(range(0)), list(range(3, 0)), list(range(0, -6, -2)), range(2, 20, 3)[-1], range(2, 20, 3)[1:3], range(10)[::-1], len(range(-5, 5, 3))
list(iter([1, 2, 3])), list(iter("")), [*iter((1, 2))], list({3: 0, 1: 0, 3: 1, 2: 0}), list(set([2, 2]))
[x for x in "ab" for y in range(2)], [[y for y in range(x)] for x in range(3)], [x if x % 2 else -x for x in range(5)], [(x, y) for x in range(3) if x for y in range(x)]
'''
G = globals()
for line in EXPRS.strip().splitlines():
    line = line.strip()
    if not line:
        continue
    try:
        try:
            r = eval(line, G)
        except SyntaxError:
            exec(line, G)
            r = G["r"]
        out = repr(r)
    except Exception as e:
        out = type(e).__name__ + ": " + str(e)
    print(line[:40], "=>", out)
