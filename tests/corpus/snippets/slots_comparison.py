import sys
import tracemalloc


class Regular:
    def __init__(self, a, b):
        self.a = a
        self.b = b


class Slotted:
    __slots__ = ["a", "b"]

    def __init__(self, a, b):
        self.a = a
        self.b = b


tracemalloc.start()
regular = [Regular(i, i) for i in range(100000)]
print("regular:", tracemalloc.get_traced_memory()[0])
del regular
tracemalloc.reset_peak()
slotted = [Slotted(i, i) for i in range(100000)]
print("slotted:", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
