# Differential script: str.format mini-language, f-strings (= and nested specs), % formatting,
# print(sep=, end=), repr of nested and recursive containers.
import io
X = 3.14159
N = 1234567
W = 12
P = 4
EXPRS = r'''
"{:>{w}.{p}f}|".format(X, w=W, p=P), "{:{}{}}".format("x", ">", 5), "{0:{fill}^{width}}".format("mid", fill="*", width=9)
"{:010,.2f}".format(-N), "{:,d}".format(-N), "{:_x}".format(N * 1000), "{:_b}".format(37), "{:#_o}".format(N)
"{:e}".format(0.0), "{:.0e}".format(12345), "{:E}".format(1e-300), "{:.2g}".format(0.000123456), "{:g}".format(1e16), "{:g}".format(123456.0), "{:G}".format(1.5e-7)
"{:.3}".format(3.14159), "{:.3}".format("abcdef"), "{}".format(1e16), "{}".format(1.0e-5), "{:10}".format(3.5), "{:<10}".format(7), "{:10}".format("s")
"{:n}".format(1234567.891), "{:.2%}".format(1 / 3), "{:%}".format(1), "{:f}".format(1e20), "{:.1f}".format(0.05), "{:.1f}".format(0.25), "{:.0f}".format(2.5)
"{:+.3f} {:-.3f} {: .3f}".format(1.5, 1.5, 1.5), "{:=10.2f}".format(-3.5), "{:0=+8d}".format(42), "{:08}".format(-3.5), "{:#.0f}".format(3.0), "{:#g}".format(2.0)
"{:c}".format(0x263a), "{:X}".format(-255), "{:#X}".format(255), "{:#010b}".format(5), "{:o}".format(-8), "{:d}".format(True), "{:f}".format(True)
"{:.2f}".format(float("nan")), "{:+f}".format(float("inf")), "{:010f}".format(float("-inf")), "{:e}".format(float("nan")), "{:%}".format(float("inf"))
"{:,}".format(1234.5678), "{:_}".format(10**10), "{:,.3e}".format(12345.678)
"{:,s}".format("x")
"{:=}".format("s")
"{:x}".format(1.5)
"{:.2d}".format(5)
"{:c}".format(-1)
"{0}{1}{0}".format("a", "b"), "{a[0]}{a[1]}".format(a="xy"), "{0.real}".format(3), "{d[k]}".format(d={"k": 9}), "{{}} {{{0}}}".format(1), "{!r:^10}".format("q")
"{}{}".format(1)
"{0}{}".format(1, 2)
"{x}".format(y=1)
"{0[5]}".format([1])
"{:>5".format(1)
"}".format()
"{!x}".format(1)
format(5), format(5.0), format("s"), format(None), format([1, 2]), format(True, "d"), format(1 + 0 if True else 0, "03")
format([], "s")
format(object, "x") if False else format(3, "")
f"{X=}", f"{X=:.2f}", f"{N = :,}", f"{'s'=!s}", f"{X!r:>12}", f"{X:{W}.{P}}", f"{N:{'>'}{W}}"
f"{[1, 2]!s}", f"{ {'a': 1}['a'] }", f"{3 + 4 = }", f"{'nested {}'.format(1)}", f"{N:#x}", f"{-0.0:+.1f}", f"{1e300 * 10:f}"
f"{'abc':.{P - 2}}", f"{X:^{W}.{P}e}", f"{N:_>{W},}", f"{True!r} {None}", f"{b'x'!r}", f"{'é'!a}", f"{chr(9731)!a}"
"%d %i %u" % (1.9, -2.5, 3), "%5s|%-5s|%.1s" % ("ab", "cd", "ef"), "%r" % ("q",), "%a" % "é", "%s" % [1, (2,)], "%s" % ((1, 2),)
"%x %o %X %#x %#o %#X" % (255, 8, 255, 255, 8, 255), "%e %.2e %E" % (1234.5, 0.001234, 1e100), "%g %g %g %G" % (0.0001, 0.00001, 1e15, 1e16)
"%08.3f|%-8.2f|%+d|% d|%+.0f" % (-3.14159, 2.5, 7, 7, 2.5), "%c" % 0x263a, "%5c|%-3c|" % ("a", "b"), "%.3d" % 7, "%5.3d" % -7, "%-05d|" % 3
"%(x)s %(x)r %(y)05.1f" % {"x": "v", "y": 2.25}, "%s" % {"a": 1}, "%%%s%%" % "p", "%*.*f" % (8, 2, 3.14159), "%-*d|" % (4, 1)
"%s %s" % (1, 2, 3)
"%d" % "1"
"%c" % 1114112
"%c" % "ab"
"%(a)s %s" % {"a": 1}
"%z" % 1
"%s" % ()
"%.2f" % "x"
"%x" % 1.5
"%(a)s" % (1,)
"%s %%" % 5, "%r" % b"x", "%s" % b"x", "%5.1s|" % "xyz", "%i" % True, "%f" % True, "%x" % True, "%s" % None
s = io.StringIO(); print(1, 2, 3, sep="-", end="!\n", file=s); print("a", "b", sep="", file=s); print(file=s); print(end="", file=s); r = s.getvalue()
s = io.StringIO(); print("x", None, 1.5, [1], sep=None, end=None, file=s); print(*"abc", sep=", ", file=s); print(*[], file=s); r = s.getvalue()
s = io.StringIO(); print("a", sep=1, file=s); r = s.getvalue()
s = io.StringIO(); print("a", end=2, file=s); r = s.getvalue()
print("to stdout", "x", sep=" | ", end=" <end>\n")
a = []; a.append(a); r = (repr(a), str([a, a]))
d = {}; d["self"] = d; d["l"] = [d]; r = repr(d)
a = [1]; b = [a, a]; a.append(b); r = repr(a)
a = [[]] * 2; a[0].append(3); r = repr(a)
a = {1: [2, (3, {4: "x"})], "k": {5}, None: frozenset({6})}; r = repr(a)
r = repr([1.0, 1.5e300, -0.0, 2e-10, 1e16, 123456789012.0, 0.1 + 0.2, float("inf"), -float("nan")])
r = repr(["é", "a'b", 'a"b', "a'\"b", "\x00\t\n\\", "\u200b", "\U0001f600", "\x7f", "\xa0", "\xad"])
r = repr((1,)) + repr(()) + repr(((),)) + repr([(), [], {}, set(), frozenset(), ""]) + repr({(): 1})
r = str("x") + str(["x"]) + str(("x",)) + str({"x": "y"}) + str({"x"})
r = repr(range(0, 5, 2)) + repr(slice(1, None, -1)) + repr(type(1)) + repr(Ellipsis) + repr(NotImplemented) + repr(...)
r = ascii(["é", "☃", "\U0001f600"])
r = repr(b"\x00\x7f\x80\xff'\"\\") + repr(bytearray(b"a\nb")) + repr(b"'") + repr(b"'\"")
r = str(12345678901234567890) + repr(-0) + repr(0x7fffffffffffffff + 1) + repr(-(2 ** 100)) + repr(1_000)
r = "%s|%r|%a" % ("é\n", "é\n", "é\n")
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
