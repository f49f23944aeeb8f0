# reprlib, secrets, hmac, sched and glob as python3.11 behaves (stdlib-10): reprlib's cut containers,
# strs, ints and levels; secrets' token lengths and errors (the values are random); hmac digests
# against hashlib, compare_digest's rules; sched's order, cancel and non-blocking run; glob over a
# temporary tree, sorted (the real order is the directory's)
import reprlib, secrets, hmac, hashlib, sched, glob, os, tempfile
from collections import deque

cases = [
    "r = reprlib.repr(list(range(100)))",
    "r = reprlib.repr(tuple(range(3)))",
    "r = reprlib.repr((1,))",
    "r = reprlib.repr(set(range(50)))",
    "r = reprlib.repr(frozenset('abcdefghij'))",
    "r = reprlib.repr({i: str(i) for i in range(10)})",
    "r = reprlib.repr('x' * 100)",
    "r = reprlib.repr(2 ** 200)",
    "r = reprlib.repr([[[[[[[[1]]]]]]]])",
    "r = reprlib.repr(deque(range(20)))",
    "r = reprlib.repr(set()), reprlib.repr(frozenset()), reprlib.repr({})",
    "r = reprlib.repr(object)",
    "a = reprlib.Repr(); a.maxlist = 2; a.fillvalue = '+'; r = a.repr(list(range(9)))",
    "r = sorted(vars(reprlib.aRepr).items())",
    "class C:\n    def __init__(self): self.kids = [self]\n    @reprlib.recursive_repr('<loop>')\n    def __repr__(self): return 'C(%r)' % self.kids\nr = repr(C())",
    "r = (len(secrets.token_bytes()), len(secrets.token_bytes(5)), len(secrets.token_hex(16)), len(secrets.token_urlsafe(16)))",
    "r = all(c in '0123456789abcdef' for c in secrets.token_hex())",
    "r = secrets.randbelow(0)",
    "r = all(0 <= secrets.randbelow(10) < 10 for _ in range(50))",
    "r = secrets.choice('a'), secrets.randbits(0), 0 <= secrets.randbits(8) < 256",
    "r = secrets.choice([])",
    "r = 0 <= secrets.SystemRandom().random() < 1, 1 <= secrets.SystemRandom().randint(1, 3) <= 3",
    "r = secrets.compare_digest(b'abc', b'abc'), secrets.compare_digest('abc', 'abd')",
    "r = hmac.new(b'key', b'message', 'sha256').hexdigest()",
    "r = hmac.new(b'key', b'message', hashlib.sha1).hexdigest()",
    "r = hmac.new(b'k' * 100, b'm', 'md5').hexdigest()",
    "h = hmac.new(b'key', digestmod='sha512'); h.update(b'a'); h.update(b'b'); r = h.hexdigest(), h.name, h.digest_size, h.block_size",
    "h = hmac.new(b'key', b'x', 'sha256'); c = h.copy(); c.update(b'y'); r = h.hexdigest() != c.hexdigest(), c.hexdigest() == hmac.new(b'key', b'xy', 'sha256').hexdigest()",
    "r = hmac.digest(b'key', b'message', 'sha256').hex()",
    "r = hmac.new(b'key', b'msg')",
    "r = hmac.new('key', b'msg', 'sha256')",
    "r = hmac.compare_digest('a', 'é')",
    "r = hmac.compare_digest('a', b'a')",
    "r = hmac.compare_digest(b'ab', bytearray(b'ab')), hmac.compare_digest(b'ab', b'abc')",
    "log = []; s = sched.scheduler(); s.enter(0.002, 1, log.append, ('b',)); s.enter(0.001, 1, log.append, ('a',)); s.enter(0.001, 0, log.append, ('first',)); s.run(); r = log",
    "log = []; s = sched.scheduler(); e = s.enter(1, 1, log.append, ('x',)); s.enter(0, 1, log.append, ('y',)); s.cancel(e); s.run(); r = log, s.empty()",
    "s = sched.scheduler(); s.enter(5, 1, print); d = s.run(blocking=False); r = 4 < d <= 5, len(s.queue), type(s.queue[0]).__name__, s.queue[0]._fields",
    "s = sched.scheduler(); e = s.enterabs(10, 2, print, kwargs={'end': ''}); r = e.time, e.priority, e.sequence, e.argument, e.kwargs",
    "log = []; s = sched.scheduler(); s.enter(0, 1, lambda: s.enter(0, 1, log.append, ('nested',))); s.run(); r = log",
    "r = sched.scheduler().cancel(None)",
    "r = glob.escape('a*b?[c].txt'), glob.has_magic('x[ab]'), glob.has_magic('plain')",
]

tree = tempfile.mkdtemp()
os.mkdir(os.path.join(tree, 'sub'))
os.mkdir(os.path.join(tree, 'sub', 'deep'))
for name in ['a.txt', 'b.txt', 'c.log', '.hidden.txt', 'sub/d.txt', 'sub/e.log', 'sub/deep/f.txt']:
    with open(os.path.join(tree, name), 'w') as f:
        f.write(name)
rel = lambda ps: sorted(p[len(tree) + 1:] if p.startswith(tree + '/') else p for p in ps)
cases += [
    "r = rel(glob.glob(os.path.join(tree, '*.txt')))",
    "r = rel(glob.glob(os.path.join(tree, '*.txt'), include_hidden=True))",
    "r = rel(glob.glob(os.path.join(tree, '**', '*.txt'), recursive=True))",
    "r = rel(glob.glob(os.path.join(tree, '**'), recursive=True))",
    "r = rel(glob.glob(os.path.join(tree, '*', '*.log')))",
    "r = rel(glob.glob(os.path.join(tree, '?.txt')))",
    "r = rel(glob.glob(os.path.join(tree, '[ab].*')))",
    "r = rel(glob.glob(os.path.join(tree, 'sub')))",
    "r = rel(glob.glob(os.path.join(tree, 'nothing*')))",
    "r = sorted(glob.glob('*.txt', root_dir=tree))",
    "r = sorted(glob.glob('**/*.log', root_dir=tree, recursive=True))",
    "r = sorted(glob.iglob(os.path.join(tree, 'sub', '*')))[0].endswith('d.txt')",
    "r = glob.glob('')",
]

for case in cases:
    ns = dict(globals())
    try:
        exec(case, ns)
        print(repr(ns['r']))
    except Exception as e:
        print('%s: %s' % (type(e).__name__, e))
