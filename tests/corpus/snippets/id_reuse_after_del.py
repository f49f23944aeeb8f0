# id() of a dead object is often handed to the next one: the allocator reuses the block.
ids_tmp = [id([i]) for i in range(10)]
print("temporary lists share ids:", len(set(ids_tmp)))

a = [1, 2, 3]
old = id(a)
del a
b = [4, 5, 6]
print("same address reused:", id(b) == old)

objs = [object() for _ in range(100_000)]
addresses = {id(o) for o in objs}
print("distinct live ids:", len(addresses))
del objs

again = [object() for _ in range(100_000)]
reused = sum(1 for o in again if id(o) in addresses)
print(f"reused addresses: {reused / len(again):.0%}")


class Thing:
    pass


t = Thing()
first = id(t)
t = Thing()
print("rebinding reuses immediately?", id(t) == first)
big = [Thing() for _ in range(50_000)]
print("span of ids (MiB):", (max(map(id, big)) - min(map(id, big))) >> 20)
del big, again
