import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None
        self.payload = [0] * 20


def make_pairs(n):
    for i in range(n):
        a, b = Node(f"a{i}"), Node(f"b{i}")
        a.peer, b.peer = b, a


gc.disable()
print("counts before:", gc.get_count())

make_pairs(20_000)
print("counts after making cycles:", gc.get_count()[0] > 0)

found = gc.collect()
print("gc.collect() found", found, "unreachable objects")

print("second collect:", gc.collect())

stats = gc.get_stats()
print("generation 2 collections:", stats[2]["collections"], "collected:", stats[2]["collected"] >= found)

garbage_lists = []
for i in range(5_000):
    lst = [i]
    lst.append(lst)
    garbage_lists.append(lst)
del garbage_lists
print("self-referencing lists freed:", gc.collect(0), "in gen 0 pass")
gc.enable()
print("threshold", gc.get_threshold(), "enabled", gc.isenabled())
