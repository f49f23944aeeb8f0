#== prog_memory_leak_question
import gc
import sys

class Node:
    def __init__(self, value):
        self.value = value
        self.children = []
        self.parent = None

    def add(self, child):
        child.parent = self
        self.children.append(child)

def build_tree(depth, width):
    root = Node(0)
    frontier = [root]
    for level in range(depth):
        nxt = []
        for node in frontier:
            for i in range(width):
                child = Node(level * width + i)
                node.add(child)
                nxt.append(child)
        frontier = nxt
    return root

tree = build_tree(5, 4)
print(sys.getsizeof(tree))
del tree
print(gc.collect())
#== prog_lru_cache_growth
from functools import lru_cache

@lru_cache(maxsize=1000)
def expensive(n):
    return [i * n for i in range(100)]

for i in range(5000):
    expensive(i % 1500)

print(expensive.cache_info())
expensive.cache_clear()
#== prog_deque_churn
from collections import deque, defaultdict, Counter, namedtuple

window = deque(maxlen=100)
counts = defaultdict(int)
Point = namedtuple("Point", ["x", "y"])

for i in range(100000):
    window.append(i)
    counts[i % 7] += 1

c = Counter(word for line in open("words.txt") for word in line.split())
print(c.most_common(10), Point(1, 2))
#== prog_json_roundtrip
import json

records = [{"id": i, "name": f"user{i}", "tags": ["a", "b"], "score": i / 3} for i in range(10000)]
text = json.dumps(records)
back = json.loads(text)
assert back[0]["id"] == 0
del records, back
#== prog_tracemalloc_usage
import tracemalloc

tracemalloc.start()
big = [str(i) * 10 for i in range(100000)]
snapshot = tracemalloc.take_snapshot()
top = snapshot.statistics("lineno")
for stat in top[:5]:
    print(stat)
current, peak = tracemalloc.get_traced_memory()
print(f"current={current / 1024:.1f} KiB peak={peak / 1024:.1f} KiB")
tracemalloc.stop()
#== prog_numpy_script
import numpy as np

a = np.zeros((1000, 1000), dtype=np.float64)
b = a.T.copy()
c = np.random.default_rng(42).random((500, 500))
d = np.vstack([c, c])
print(a.nbytes, d.shape, c.mean(), np.__version__)
del a, b
flat = d.ravel()
view = d[:, np.newaxis]
#== prog_malloc_trim
import ctypes
import ctypes.util

libc = ctypes.CDLL(ctypes.util.find_library("c"))
data = [bytearray(1024) for _ in range(100000)]
del data
libc.malloc_trim(0)
#== prog_class_heavy
class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x=0.0, y=0.0):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    def __repr__(self):
        return f"Vector({self.x!r}, {self.y!r})"

    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

vectors = [Vector(i, -i) for i in range(50000)]
total = Vector()
for v in vectors:
    total = total + v * 0.5
print(total, total.norm())
#== prog_generator_pipeline_stats
import statistics

def read_numbers(lines):
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            yield float(line)
        except ValueError:
            print("skip", line)

def running_mean(values):
    total = 0.0
    for n, v in enumerate(values, 1):
        total += v
        yield total / n

numbers = list(read_numbers(["1", "2", "# c", "x", "4"]))
print(statistics.mean(numbers), list(running_mean(numbers)))
#== prog_context_and_exceptions
import time

class Timer:
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.elapsed = time.perf_counter() - self.start
        print(f"{self.label}: {self.elapsed:.3f}s")
        return False

def work(n):
    with Timer(f"work({n})"):
        try:
            return sum(i * i for i in range(n))
        except MemoryError:
            return -1
        finally:
            print("done", n)

if __name__ == "__main__":
    for n in (10, 1000, 100000):
        work(n)
#== prog_weakref_cache
import weakref

class Expensive:
    def __init__(self, key):
        self.key = key
        self.payload = bytearray(10000)

_cache = weakref.WeakValueDictionary()

def get(key):
    obj = _cache.get(key)
    if obj is None:
        obj = Expensive(key)
        _cache[key] = obj
    return obj

held = [get(i) for i in range(100)]
print(len(_cache))
del held
print(len(_cache))
#== prog_string_building
parts = []
for i in range(100000):
    parts.append(str(i))
s = "".join(parts)
t = ""
for i in range(1000):
    t += str(i)
print(len(s), len(t))
#== prog_dict_of_lists
from collections import defaultdict

index = defaultdict(list)
with open("corpus.txt") as f:
    for lineno, line in enumerate(f, 1):
        for word in line.lower().split():
            index[word.strip(".,;:!?")].append(lineno)

common = sorted(index.items(), key=lambda kv: len(kv[1]), reverse=True)[:10]
for word, lines in common:
    print(f"{word:<15} {len(lines):>6}")
#== prog_matrix_ops
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    return [[sum(a[i][k] * b[k][j] for k in range(m)) for j in range(p)] for i in range(n)]

def identity(n):
    return [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]

m = [[float(i * j) for j in range(50)] for i in range(50)]
r = matmul(m, identity(50))
assert r == m
#== prog_bank_account
class InsufficientFunds(Exception):
    pass

class Account:
    interest = 0.02

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.history = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(f"{self.owner}: {amount} > {self._balance}")
        self._balance -= amount
        self.history.append(("withdraw", amount))

    @classmethod
    def open(cls, owner):
        return cls(owner, 100)

acct = Account.open("ann")
acct.deposit(50)
try:
    acct.withdraw(500)
except InsufficientFunds as e:
    print("refused:", e)
#== prog_sieve
def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_prime[i]:
            for j in range(i * i, n + 1, i):
                is_prime[j] = False
    return [i for i, p in enumerate(is_prime) if p]

primes = sieve(1000000)
print(len(primes), primes[-1])
#== prog_linked_list
class LinkedList:
    class _Node:
        __slots__ = "value", "next"
        def __init__(self, value, next=None):
            self.value = value
            self.next = next

    def __init__(self, iterable=()):
        self._head = None
        self._len = 0
        for v in reversed(list(iterable)):
            self.push(v)

    def push(self, value):
        self._head = self._Node(value, self._head)
        self._len += 1

    def __iter__(self):
        node = self._head
        while node is not None:
            yield node.value
            node = node.next

    def __len__(self):
        return self._len

ll = LinkedList(range(100000))
print(len(ll), sum(ll))
#== prog_memoize_decorator
def memoize(fn):
    cache = {}
    def wrapper(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]
    wrapper.cache = cache
    return wrapper

@memoize
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)

print(paths(16, 16), len(paths.cache))
#== prog_interning_strings
import sys
names = [sys.intern(f"name_{i % 100}") for i in range(100000)]
unique = set(names)
print(len(unique), sys.getsizeof(names))
#== prog_array_module
import array
a = array.array("d", (float(i) for i in range(1000000)))
b = a[::2]
print(a.itemsize * len(a), len(b))
#== prog_state_machine
def tokenize(text):
    state = "start"
    token = ""
    for ch in text:
        if state == "start":
            if ch.isdigit():
                state, token = "number", ch
            elif ch.isalpha():
                state, token = "word", ch
        elif state == "number":
            if ch.isdigit():
                token += ch
            else:
                yield ("NUM", int(token))
                state, token = "start", ""
        elif state == "word":
            if ch.isalnum():
                token += ch
            else:
                yield ("WORD", token)
                state, token = "start", ""
    if token:
        yield ("NUM" if state == "number" else "WORD", token)

print(list(tokenize("abc 123 x9 ")))
#== prog_gc_cycles
import gc

class Cycle:
    def __init__(self):
        self.me = self
        self.data = [0] * 1000

gc.disable()
for _ in range(1000):
    Cycle()
print(gc.get_count())
gc.enable()
print(gc.collect(), gc.get_stats()[2])
#== prog_sort_objects
from operator import attrgetter, itemgetter

class Person:
    def __init__(self, name, age):
        self.name, self.age = name, age

people = [Person(f"p{i}", (i * 37) % 90) for i in range(1000)]
by_age = sorted(people, key=attrgetter("age"))
rows = [(p.name, p.age) for p in people]
rows.sort(key=itemgetter(1, 0))
oldest = max(people, key=lambda p: (p.age, p.name))
#== prog_timeit_style
import timeit
t = timeit.timeit("sum(range(100))", number=1000)
setup = "x = list(range(1000))"
u = timeit.timeit("sorted(x)", setup=setup, number=100)
print(f"{t:.4f} {u:.4f}")
#== prog_main_guard_args
import sys

def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        print("usage: prog FILE...", file=sys.stderr)
        return 2
    for path in argv:
        try:
            with open(path, "rb") as f:
                size = len(f.read())
        except OSError as exc:
            print(f"{path}: {exc.strerror}", file=sys.stderr)
            continue
        print(f"{size:>10} {path}")
    return 0

if __name__ == "__main__":
    sys.exit(main())
