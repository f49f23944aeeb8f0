import sys

words = ["alpha", "beta", "gamma", "delta"]
raw = [("".join(["user_", words[i % 4], "_", str(i % 500)])) for i in range(200000)]
print(len(raw), len(set(raw)), raw[0] is raw[2000])
print(sum(sys.getsizeof(s) for s in raw))

interned = [sys.intern(s) for s in raw]
print(interned[0] is interned[2000], interned[1] == raw[1])
del raw

cache = {}
deduped = [cache.setdefault(s, s) for s in interned]
print(len(cache), deduped[5] is deduped[2005])
a = "hello_world"
b = "hello_" + "world"
c = "".join(["hello_", "world"])
print(a is b, a == c, sys.intern(c) is a)
del interned, deduped, cache
