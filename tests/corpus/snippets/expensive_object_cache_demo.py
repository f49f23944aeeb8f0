import gc
import weakref
from pprint import pprint


class ExpensiveObject:

    def __init__(self, name):
        self.name = name
        self.payload = bytes(64 * 1024)

    def __repr__(self):
        return 'ExpensiveObject({})'.format(self.name)

    def __del__(self):
        print('      (Deleting {})'.format(self))


def demo(cache_factory):
    # hold objects so any weak references are not removed immediately
    all_refs = {}
    print('CACHE TYPE:', cache_factory)
    cache = cache_factory()
    for name in ['one', 'two', 'three']:
        o = ExpensiveObject(name)
        cache[name] = o
        all_refs[name] = o
        del o

    print('  all_refs =', end=' ')
    pprint(all_refs)
    print('\n  Before, cache contains:', list(cache.keys()))
    for name, value in cache.items():
        print('      {} = {}'.format(name, value))
        del value

    print('\n  Cleanup:')
    del all_refs
    gc.collect()

    print('\n  After, cache contains:', list(cache.keys()))
    for name, value in cache.items():
        print('      {} = {}'.format(name, value))
    print('  demo returning')
    return cache


plain = demo(dict)
print()
weak = demo(weakref.WeakValueDictionary)
del plain
