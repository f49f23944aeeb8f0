s = "Hello, World  and  more,x"
u = "héllo wörld ß ﬁ"
b = b"ab,cd,,ef"
ba = bytearray(b"xyz,abc")
L = [3, 1, 2, 3, 5]
T = (1, 2, 3, 2)
D = {"a": 1, "b": 2, "c": 3}
S = {1, 2, 3}
F = 3.14159
I = 255
EXPRS = r'''
s.split()
s.split(",")
s.split(",", 1)
s.rsplit(",", 1)
s.rsplit()
s.partition(",")
s.rpartition(",")
s.strip("Hx")
s.lstrip("He")
s.rstrip("x,")
s.replace("o", "0", 1)
s.replace("", "-")
s.find("o"), s.rfind("o"), s.find("zz"), s.find("o", 5, 9)
s.index("W")
s.rindex("q")
s.count("o"), s.count("")
s.startswith(("He", "x")), s.endswith("x"), s.startswith("l", 2)
s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold()
u.upper(), u.lower(), u.title(), u.casefold(), u.capitalize(), u.swapcase()
s.center(30, "*"), s.ljust(28, "."), s.rjust(27), "42".zfill(6), "-42".zfill(6), "+7".zfill(4)
"a\tbc\td".expandtabs(), "a\tbc\td".expandtabs(4)
"l1\nl2\r\nl3\rl4".splitlines(), "l1\nl2\r\n".splitlines(True)
"-".join(["a", "b", "c"]), "".join([]), ", ".join(map(str, range(5)))
"-".join([1, 2])
"{} {}".format(1, 2), "{1}{0}".format("a", "b"), "{x}".format(x=5), "{0[1]}".format([7, 8])
"{:>10}|{:<6}|{:^9}|".format("r", "l", "c")
"{:,}".format(1234567), "{:_}".format(1234567), "{:.3e}".format(12345.678), "{:%}".format(0.25), "{:.1%}".format(0.256)
"{!r} {!s} {!a}".format("x", "y", "é")
"{:08.3f}".format(-3.14159), "{:+d}".format(5), "{: d}".format(5), "{:x} {:X} {:o} {:b} {:#x} {:#o} {:#b}".format(255, 255, 8, 5, 255, 8, 5)
"{:c}".format(65), "{:n}".format(1234), "{:g} {:g} {:g}".format(1e-5, 123456789.0, 0.0001234)
"{:=+10d}".format(42), "{:*^15,.2f}".format(1234.5)
"{0:{1}}".format("a", 5)
"{:s}".format(5)
"{:d}".format("x")
format(1234.5678, ",.2f"), format(12, "b"), format(0.5, "e"), format(255, "#06x"), format("ab", "^6")
f"{F:.2f} {I:#x} {s[:5]!r:>10} {L!r} {D['a']:03d}"
f"{1e20}", f"{1.0}", f"{1e-7}", f"{123456789012345678.0}", f"{0.1 + 0.2}", f"{-0.0}", f"{float('inf')} {float('nan')}"
"%s and %r" % ("a", "b"), "%5.2f|%-6s|%06d" % (3.14159, "x", 42), "%x %X %o %e %E %g %G" % (255, 255, 8, 12345.6789, 0.00012, 1e-10, 1e20)
"%(a)s-%(b)d" % {"a": "x", "b": 3}, "%c%c" % (65, "B"), "%%", "%.3s" % "abcdef", "%+.1f" % 2.25, "%*d" % (5, 3)
"%d" % "x"
"%s %s" % ("only",)
"abc".isalpha(), "abc1".isalnum(), "123".isdigit(), "  ".isspace(), "ABC".isupper(), "abc".islower(), "Ab Cd".istitle()
"x_1".isidentifier(), "1x".isidentifier(), "½".isnumeric(), "½".isdigit(), "٣".isdecimal(), "a\n".isprintable(), "".isalpha()
u.encode("utf-8"), u.encode("latin-1", "replace"), u.encode("ascii", "ignore"), u.encode("ascii", "xmlcharrefreplace")
u.encode("ascii")
b.decode(), b"\xff\xfe".decode("utf-8", "replace"), b"caf\xc3\xa9".decode("utf-8"), b"\xe9".decode("latin-1")
b"\xff".decode("utf-8")
"abc".translate(str.maketrans("ab", "xy")), "hello".translate({ord("l"): None}), str.maketrans({"a": "1"})
"prefix_name".removeprefix("prefix_"), "file.txt".removesuffix(".txt"), "abc".removeprefix("zz")
s[::-1], s[2:8:2], s[-3:], s[100:], s[:-100]
ord("é"), chr(9731), ascii("é☃"), repr("a'b\"c\n"), repr('it\'s'), str(b"x"), repr(b"a\x00\xff'")
b.split(b","), b.split(), b.replace(b",", b";"), b.upper(), b.strip(b"af"), b.find(b"cd"), b.count(b","), b.hex(), bytes.fromhex("de ad be ef")
b.startswith(b"ab"), b.partition(b","), b.join([b"1", b"2"]), b.center(12, b"*"), b.zfill(12), b.title(), b.isalpha(), b.decode("ascii")
ba.upper(), ba.split(b","), ba.find(b"abc"), ba.hex(), ba.replace(b"x", b"q"), ba.reverse(), ba, ba.pop(), ba, ba.index(b"y")
bytes(5), bytes([65, 66]), bytes("é", "utf-8"), bytearray(3), bytes(range(3)), list(b"ab"), b"ab"[0], b"ab"[:1]
bytes([256])
sorted(L), sorted(L, reverse=True), sorted(L, key=lambda x: -x), L.index(3), L.count(3), L[::-1], L * 2, min(L), max(L), sum(L)
L.index(99)
sorted(D), sorted(D.items(), key=lambda kv: kv[1], reverse=True), list(reversed(L)), list(zip(L, T)), list(enumerate(T, 1))
min([]), 
min([], default=0), max("abc"), max([1, 5, 3], key=lambda x: -x), min(3, 1, 2), max((1, "a"), (1, "b")), sum([0.1] * 10), sum([[1], [2]], [])
sum(["a", "b"], "")
abs(-3), abs(-2.5), round(2.5), round(3.5), round(2.675, 2), round(-0.5), round(1234, -2), round(5.5, 0), divmod(7, -2), divmod(-7.5, 2), pow(2, 10, 1000), pow(3, -1, 7)
int("ff", 16), int("0b101", 0), int(" 42 "), int("1_000"), int(3.99), int(-3.99), float("1e3"), float(" -inf "), float("1_000.5"), int(True)
int("abc")
float("x")
bin(10), oct(8), hex(255), hex(-255), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"), (10).bit_length(), (7).bit_count(), (2**70).bit_length()
(1.5).as_integer_ratio(), (0.1).hex(), float.fromhex("0x1.8p1"), (2.0).is_integer(), (3.7).__floor__(), (3.2).__ceil__(), (-7) // 2, -7 % 2, 7.5 // 2, -7.5 % 2
10 / 3, 2 ** -1, 2 ** 0.5, 10 ** 20, 10.0 ** 20, 1e308 * 10, -1e308 * 10, 1 / 3 * 3, 0.1 + 0.2 == 0.3, 2 ** 64 // 3, -(2 ** 64) // 7, (2 ** 64) % -7
1 / 0
1 % 0
2.0 ** 10000
10 ** -2, (-8) ** (1 / 3) if False else 0, 7 // 0.5, 7 % 0.5, 1e16 + 1, 123456789 * 987654321, 3 * 1.1, 1.1 * 1.1, 0.1 * 3, 100 * 1.1
str(1 / 7), repr(2 / 3), str(1e22), str(1e21), str(1e16), str(123456789.123456789), str(1.5e-5), str(0.0001), str(-1e-300 * 1e-300)
D.get("z", 0), D.setdefault("d", 4), D, D.pop("a"), D, D.popitem(), D, list(D.keys()), list(D.values()), list(D.items()), "b" in D, D.copy()
D["zz"]
{**D, "q": 1}, dict(a=1, b=2), dict([("x", 1)]), dict(zip("ab", [1, 2])), {k: v for k, v in [("a", 1)]}, dict.fromkeys("ab", [])
S | {4}, S & {2, 9}, S - {1}, S ^ {3, 4}, S <= {1, 2, 3, 4}, S.isdisjoint({7}), sorted(S.union([9, 8])), S.issubset(range(5)), {frozenset({1})}
set("hello"), frozenset([3, 1, 2]), set(), {1, 2} == {2, 1}, len({1, 1, 2}), {1, 2}.pop(), {(1, 2), (1, 2)}
T.count(2), T.index(3), T + (4,), T * 2, T[1:], tuple("ab"), tuple(range(3)), (1,) < (1, 2), (1, 2) < (1, "a") if False else 0, hash(()) == hash(())
list(range(10, 0, -3)), range(10)[2:5], range(5)[-1], len(range(0, 100, 7)), 5 in range(10), range(10).index(4), range(0, 10, 2) == range(0, 9, 2), list(range(-3))
range(1, 10, 0)
isinstance(1, (int, str)), isinstance(True, int), issubclass(bool, int), type(1.0).__name__, type(None).__name__, callable(len), callable(1), id(1) == id(1)
hasattr("x", "upper"), getattr(s, "nope", "dflt"), getattr(1, "real"), (5).real, (5).imag, (5).numerator, (2.5).real
any([]), all([]), any([0, "", None, 1]), all([1, "a"]), list(filter(None, [0, 1, "", "a"])), list(map(lambda x, y: x + y, [1, 2], [3, 4])), next(iter([1]), None), next(iter([]), "end")
list(zip(*[(1, 2), (3, 4)])), [*range(3), *"ab"], {*"ab"} == {"a", "b"}, [(a, b) for a in range(2) for b in "xy"], [x for x in range(10) if x % 3 == 0]
str(None), str(True), repr(None), bool("False"), bool(0.0), bool([]), bool([0]), None is None, not None, 1 < 2 < 3, 1 < 3 < 2, 1 == 1.0, "a" * 0
str([1, "a", None, 2.5, (1,), {}]), repr({"k": [1, {2}]}), str((1,)), repr(()), str(set()), str(frozenset()), repr({}), str([[]]), repr([1.0, -0.0, 1e100])
list("abc").index("c"), "a,b,,c".split(","), " a  b ".split(" "), "a b".split(None, 0), "".split(","), "".split(), "abc".split("")
[].pop()
[1].remove(2)
(lambda *a, **k: (a, k))(1, 2, x=3), (lambda x, /, y=2, *, z=3: (x, y, z))(1, z=9), (lambda: None)()
'''
for line in EXPRS.strip().splitlines():
    line = line.strip()
    if not line:
        continue
    try:
        r = eval(line)
        out = repr(r)
    except Exception as e:
        out = type(e).__name__ + ": " + str(e)
    print(line[:30], "=>", out)
