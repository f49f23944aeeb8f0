# title: Generators and closures that keep their frames alive
import gc


def reader(n):
    buf = [0] * 1000
    for i in range(n):
        yield buf[i % 1000] + i


def make_counter():
    state = {"n": 0, "pad": "x" * 200}

    def inc():
        state["n"] += 1
        return state["n"]

    state["self"] = inc
    return inc


gens = [reader(10) for _ in range(20000)]
firsts = [next(g) for g in gens]
counters = [make_counter() for _ in range(30000)]
del gens
del counters
freed = gc.collect()
