# atexit: handlers run at exit last-registered first, with their arguments; unregister removes
# every entry of an equal function; an exception in a handler is reported (stderr) and the next runs.
# weakref.finalize objects still alive at exit run through finalize's own atexit handler.
import atexit
import weakref

base = atexit._ncallbacks()


def bye(name, punct='!'):
    print('bye', name, punct)


def boom():
    raise ValueError('boom in handler')


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self, how):
        print('closing', self.name, how)


r = atexit.register(bye, 'first')
print(r is bye)
atexit.register(boom)
atexit.register(bye, 'second', punct='?')


@atexit.register
def deco():
    print('decorated', deco.__name__)


print(atexit._ncallbacks() - base)
atexit.register(bye, 'gone')
atexit.unregister(bye)
print(atexit._ncallbacks() - base)
atexit.register(bye, 'third')
res = Resource('db')
atexit.register(res.close, how='cleanly')
atexit.register(print, 'print', 'as', 'a', 'handler', sep='-')
try:
    atexit.register(1)
except TypeError as e:
    print('TypeError:', e)
try:
    atexit.register()
except TypeError as e:
    print('TypeError:', e)
atexit.register(lambda: atexit.register(bye, 'late'))


class Node:
    pass


keep = [Node() for _ in range(3)]
for i, n in enumerate(keep):
    weakref.finalize(n, print, 'finalized', i)
gone = Node()
f = weakref.finalize(gone, print, 'finalized early')
del gone
print(f.alive)
print(sorted(n for n in dir(atexit) if not n.startswith('__')))
print('end of script')
