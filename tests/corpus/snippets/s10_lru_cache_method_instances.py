import functools
import gc
import weakref


class Pricer:
    def __init__(self, rate):
        self.rate = rate
        self.table = [rate] * 10000

    @functools.lru_cache(maxsize=None)
    def price(self, qty):
        return round(qty * self.rate, 2)


refs = []
for r in range(20):
    p = Pricer(1 + r / 10)
    refs.append(weakref.ref(p))
    for q in range(300):
        p.price(q)
    del p
gc.collect()
print(sum(r() is not None for r in refs))
print(Pricer.price.cache_info())
Pricer.price.cache_clear()
gc.collect()
print(sum(r() is not None for r in refs), Pricer.price.cache_info().currsize)


class Pricer2:
    def __init__(self, rate):
        self.rate = rate
        self._price = functools.lru_cache(maxsize=128)(self._compute)

    def _compute(self, qty):
        return qty * self.rate

p2 = Pricer2(2)
print(p2._price(10), p2._price(10), p2._price.cache_info().hits)
