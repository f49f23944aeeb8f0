# Differential script: dict/set views and their set algebra, comprehension scoping, collections,
# itertools, functools and math as people use them.
import collections
import functools
import itertools
import copy
import math
import re
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple
D = {"a": 1, "b": 2, "c": 3}
E = {"b": 20, "d": 40}
Point = namedtuple("Point", "x y")
CM = collections.ChainMap({"a": 1}, {"a": 10, "b": 2}, {"c": 3})
LOG = re.compile(r"(?P<ip>[\d.]+) (?P<user>\w+|-)?(?P<opt>!)? (?P<code>\d{3})")
class SafeDict(dict):
    def __missing__(self, key):
        return "<" + key + ">"
EXPRS = r'''
CM["a"], CM["b"], CM["c"], len(CM), list(CM), dict(CM), "c" in CM, CM.get("z", 0), bool(collections.ChainMap()), bool(collections.ChainMap({}))
repr(CM.new_child()), repr(CM.parents), CM.new_child(x=1)["x"], repr(CM | {"z": 0}), repr({"z": 0} | CM), CM.maps[0] is CM.copy().maps[0]
c = collections.ChainMap({}, {"k": 1}); c["k"] = 2; r = (c.maps, c.pop("k"), c.maps)
c = collections.ChainMap({}, {"k": 1}); del c["k"]
collections.ChainMap.fromkeys("ab", 0), collections.ChainMap({"x": 1}).popitem(), sorted(CM.items()), list(CM.values())
LOG.match("10.0.0.1 bob 200").groupdict(), LOG.match("10.0.0.1 ! 404").groupdict(), LOG.match("1.2 ! 500").groupdict("?"), LOG.match("1.2 x 301").groupdict(default=0)
LOG.match("1.2 x 301").groups(default="-"), re.match(r"(a)(b)?", "a").groupdict(), re.match(r"(?P<a>x)", "x").groupdict(1, 2)
"{a}-{b}".format_map({"a": 1, "b": [2]}), "{a[0]}/{a.real}/{b!r:>5}".format_map({"a": [7], "b": "s"}), "{x} {y}".format_map(SafeDict(x=1)), "{0}".format_map({})
"{zz}".format_map({}), "{a}".format_map(5), "{:}".format_map({})
copy.deepcopy({1, 2, (3, 4)}), copy.deepcopy(frozenset("ab")) == frozenset("ab"), type(copy.deepcopy(frozenset())).__name__, copy.deepcopy([{1}, {1}])
s = {(1, 2)}; t = [s, s]; u = copy.deepcopy(t); r = (u[0] is u[1], u[0] is s, u == t)
D.keys() & {"a", "z"}, D.keys() | ["q"], D.keys() - E.keys(), D.keys() ^ E, sorted(D.items() - {("a", 1)}), D.items() & {("b", 2), ("b", 3)}
D.keys() == {"a", "b", "c"}, D.keys() <= {"a", "b", "c", "d"}, D.keys() < D.keys(), ("a", 1) in D.items(), ("a", 2) in D.items(), D.keys().isdisjoint(E)
len(D.keys()), len(D.values()), D.values() == D.values()
D.keys() & 5
repr(D.keys()), repr(D.values()), repr(D.items()), repr({}.keys()), type(D.keys() & D.keys()).__name__, D.keys().mapping if False else 0
{"a": 1} == {"a": 1.0}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, list({"b": 1, "a": 2}), dict(sorted(E.items())), {k: v for k, v in zip("ab", "xy")}
x = 10; r = ([x for x in range(3)], x)
r = [i * j for i in range(1, 4) for j in range(i)]
r = {x: [y for y in range(x)] for x in range(3)}
r = [(lambda: i)() for i in range(3)]
r = [f() for f in [lambda: i for i in range(3)]]
y = 5; r = [y + k for k in range(2)]
r = [x for x in range(10) if x % 2 if x % 3]
r = [[j for j in range(i)] for i in range(4)]
r = list(x * 2 for x in range(4)), sum(x for x in range(5) if x > 1), {x % 3 for x in range(10)}
r = [n := 0, [n := n + i for i in range(4)], n]
r = [w for w in "hello world".split() if (n := len(w)) > 4], n
c = Counter("mississippi"); r = (c, c.most_common(2), c["z"], sorted(c.elements()), c.total())
a = Counter(a=3, b=1); b = Counter(a=1, b=2, c=1); r = (a + b, a - b, a & b, a | b, -b, +Counter(a=-1, b=2))
c = Counter(a=3); c.update("aab"); c.subtract({"a": 10}); r = (c, dict(c), list(c.items()))
c = Counter({"x": 2, "y": 2, "z": 3}); r = (c.most_common(), c.most_common(0), c == Counter(y=2, x=2, z=3), repr(Counter()))
r = Counter("abc") < Counter("abcd"), Counter(a=1) == Counter(a=1, b=0)
d = deque(range(5)); d.rotate(2); r1 = list(d); d.rotate(-3); r = (r1, d, d[0], d[-1])
d = deque(maxlen=3); d.extend(range(5)); d.appendleft(9); r = (d, d.maxlen, list(d))
d = deque("abc", 2); d.append("z"); d.extendleft("xy"); r = (d, d.count("y"), d.index("x"))
d = deque([1, 2, 3]); d.insert(1, 9); d.remove(3); r = (d, d.popleft(), d.pop(), d, deque() == deque([]), deque([1]) * 2)
deque(maxlen=2).insert(0, 1) if False else deque([1, 2], maxlen=2).insert(0, 1)
deque().pop()
dd = defaultdict(list); dd["a"].append(1); dd["b"]; r = (dd, dict(dd), dd.default_factory, "c" in dd, len(dd))
dd = defaultdict(int); [dd.__setitem__(ch, dd[ch] + 1) for ch in "banana"]; r = (dict(dd), repr(defaultdict(None)))
defaultdict(None)["x"]
dd = defaultdict(lambda: "dflt"); r = (dd["q"], dd.get("z"), dd.setdefault("k", 1), sorted(dd.items()))
p = Point(1, 2); r = (p, p.x + p.y, p._asdict(), p._replace(y=5), Point._make([3, 4]), Point._fields, p == (1, 2), tuple(p), len(p))
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 9]); r = (P3(1), P3(1, 2, 3), P3._field_defaults, P3(a=1, c=2))
Point(1)
Point(1, 2, 3)
p = Point(1, 2); p.x = 5
namedtuple("Bad", "x def")
namedtuple("R", "a a")
namedtuple("R", "a _b", rename=True)._fields, namedtuple("R", "class x", rename=True)._fields
od = OrderedDict(a=1, b=2, c=3); od.move_to_end("a"); od.move_to_end("c", last=False); r = (od, list(od), od.popitem(), od.popitem(last=False), od)
OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1}, repr(OrderedDict())
list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([3, 1, 4, 1, 5], max)), list(itertools.accumulate([1, 2, 3], lambda a, b: a * b, initial=10)), list(itertools.accumulate([]))
[(k, list(g)) for k, g in itertools.groupby("aaabccaa")], [(k, len(list(g))) for k, g in itertools.groupby([1, 3, 2, 4, 5], key=lambda v: v % 2)]
list(itertools.product("ab", repeat=2)), list(itertools.product([1, 2], "x", [True])), list(itertools.product()), list(itertools.product([], [1]))
list(itertools.islice(range(10), 2, 8, 3)), list(itertools.islice("abcdef", 3)), list(itertools.islice(range(5), None)), list(itertools.islice(range(5), 1, None))
itertools.islice(range(5), -1)
itertools.islice(range(5), 0, 5, 0)
list(itertools.chain("ab", [1])), list(itertools.chain.from_iterable(["xy", "z"])), list(itertools.repeat(7, 3)), list(itertools.takewhile(lambda v: v < 3, range(9))), list(itertools.dropwhile(lambda v: v < 3, range(6)))
list(itertools.combinations("abcd", 2)), list(itertools.permutations(range(3), 2)), list(itertools.combinations_with_replacement("ab", 2)), list(itertools.compress("abcdef", [1, 0, 1, 0, 1]))
list(itertools.zip_longest("ab", "xyz", fillvalue="-")), list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.filterfalse(None, [0, 1, "", "a"])), list(zip(itertools.count(5, 2), "abc"))
list(itertools.pairwise("abcd")), [list(t) for t in itertools.tee("ab", 2)], list(itertools.islice(itertools.cycle("ab"), 5)), list(itertools.count(1.5, 0.5))[:0] if False else 0
functools.reduce(lambda a, b: a + b, [1, 2, 3]), functools.reduce(lambda a, b: a * b, [], 1), functools.reduce(lambda a, b: a + [b], "ab", []), functools.reduce(max, [3, 9, 2])
functools.reduce(lambda a, b: a + b, [])
p = functools.partial(int, base=2); r = (p("101"), p.func, p.args, p.keywords, repr(p))
p = functools.partial(pow, 2); r = (p(10), repr(p), repr(functools.partial(p, 3)), functools.partial(p, 3).args)
sorted(["b", "A", "c"], key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower())))
math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9), math.isclose(1, 1.05, rel_tol=0.1), math.isclose(float("inf"), float("inf"))
math.isclose(1, 2, rel_tol=-1)
math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]), math.fsum(range(5)), math.fsum([float("inf"), 1])
math.comb(10, 3), math.comb(5, 7), math.comb(100, 50), math.perm(5, 2), math.perm(5), math.perm(3, 5), math.factorial(20), math.factorial(0)
math.comb(-1, 2)
math.factorial(-1)
math.factorial(2.0)
math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2, 0.5]), math.prod(range(1, 6), start=10), math.prod([[1]], start=1) if False else 0
math.gcd(12, 18, 27), math.gcd(), math.gcd(0, 0), math.gcd(-4, 6), math.gcd(7), math.lcm(4, 6, 10), math.lcm(), math.lcm(0, 5), math.lcm(-3, 4)
math.gcd(1.5, 3)
math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 30 + 1), math.isqrt(True)
math.isqrt(-1)
math.floor(1e20), math.ceil(1e20), math.floor(-2.5), math.ceil(-2.5), math.floor(2 ** 60 + 0.0), math.trunc(-3.9), math.floor(5), type(math.floor(2.0)).__name__, math.ceil(1.0000000000000002)
math.floor(float("inf"))
math.ceil(float("nan"))
math.sqrt(2), math.sqrt(0.0), math.pow(2, 0.5), math.exp(1), math.log(100, 10), math.log10(1000), math.log2(1024), math.log(math.e), math.hypot(3, 4), math.hypot(1, 2, 2)
math.sqrt(-1)
math.log(0)
math.log(-1)
math.exp(1000)
math.pi, math.tau, math.e, math.inf, -math.inf, math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308), math.copysign(1, -0.0), math.fabs(-2), math.fmod(-7, 3), -7 % 3
math.degrees(math.pi), math.radians(180), math.sin(0), math.cos(0), math.atan2(1, 1), math.dist((0, 0), (3, 4)), math.modf(-2.5), math.frexp(8.0), math.ldexp(0.5, 4), math.remainder(7, 4)
slice(None, None, -3).indices(10), slice(-300000, -5).indices(200000), slice(2, 10**6, 7).indices(200000), slice(None).indices(0), slice(10**20, -10**20, -1).indices(10**19)
slice(1, 2, 0).indices(4)
slice(1, 2).indices(-1)
slice("a", 2).indices(5)
slice(1, 2).indices(2.5)
import random; random.seed(5); r = (random.choices("abcd", [1, 2, 3, 4], k=8), random.choices(range(50), cum_weights=list(range(1, 51)), k=5), random.choices([1, 2], [0.5, 1e-300]))
import random; r = random.choices("abcd", [0, 0, 0, 0])
import random; r = random.choices("abcd", [1, 2])
import random; r = random.choices("abcd", 3)
import random; r = random.choices("abcd", [1, 1, 1, 1], cum_weights=[1, 2, 3, 4])
import random; r = random.choices("abcd", [1, float("inf"), 1, 1])
import queue; q = queue.LifoQueue(); [q.put(i) for i in range(5)]; p = queue.PriorityQueue(); [p.put((-i, str(i))) for i in range(5)]; f = queue.Queue(2); f.put(1); f.put(2); r = ([q.get() for _ in range(5)], [p.get() for _ in range(5)], f.full(), f.qsize(), f.get_nowait(), f.empty())
import queue; q = queue.Queue(1); q.put(1); r = q.put_nowait(2)
import queue; r = queue.Queue().get_nowait()
import queue; q = queue.Queue(); r = q.task_done()
import contextlib, io, sys; e = io.StringIO(); o = io.StringIO(); c = contextlib.redirect_stderr(e); r = (c.__enter__() is e, print("x", 1, file=sys.stderr), sys.stderr is e, c.__exit__(None, None, None), e.getvalue(), sys.stderr is sys.__stderr__)
import io; b = io.BytesIO(b"abcdef"); v = b.getbuffer(); r = (len(v), v[1], bytes(v[2:4]), v.readonly, v.format)
import io; b = io.BytesIO(b"abcdef"); v = b.getbuffer(); r = b.write(b"x" * 10)
import io; b = io.BytesIO(b"abcdef"); v = b.getbuffer(); r = b.close()
import io; b = io.BytesIO(b"abcdef"); v = b.getbuffer(); v.release(); b.write(b"XY"); r = b.getvalue()
import base64; r = (base64.b64encode(bytes(range(10))), base64.b64decode("AAECAwQFBgcICQ=="), base64.b64decode(b"YW Jj\nZA=="), base64.urlsafe_b64encode(b"\xfb\xff"), base64.urlsafe_b64decode("-_8="), base64.standard_b64encode(b"hi"), base64.b16encode(b"\x01\xfe"), base64.b16decode("01FE"), base64.encodebytes(b"x" * 60), base64.decodebytes(b"eHh4\n"))
import base64; r = base64.b64decode("abc")
import base64; r = base64.b64decode("a")
import base64; r = base64.b64decode("ab\u00e9")
import base64; r = base64.b64encode("text")
import base64; r = base64.b16decode("0g")
import binascii; r = (binascii.hexlify(b"\x00\xff"), binascii.b2a_hex(b"ab"), binascii.unhexlify(b"00ff"), binascii.a2b_hex("6162"), binascii.crc32(b"hello"), binascii.crc32(b" world", 907060870), binascii.b2a_base64(b"hi"), binascii.b2a_base64(b"", newline=False), binascii.a2b_base64("aGk="), issubclass(binascii.Error, ValueError))
import binascii; r = binascii.unhexlify("abc")
import binascii; r = binascii.unhexlify("zz")
import binascii; r = binascii.a2b_base64("\u00e9")
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
