import sys

def deep_size(obj, seen=None):
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        size += sum(deep_size(k, seen) + deep_size(v, seen) for k, v in obj.items())
    elif isinstance(obj, (list, tuple, set, frozenset)):
        size += sum(deep_size(x, seen) for x in obj)
    return size

nums = list(range(100000))
print("list shell", sys.getsizeof(nums), "deep", deep_size(nums))
words = [f"word{i}" for i in range(50000)]
print("words shell", sys.getsizeof(words), "deep", deep_size(words))
table = {w: len(w) for w in words}
print("dict shell", sys.getsizeof(table), "deep", deep_size(table))
s = set(words)
print("set shell", sys.getsizeof(s))
print(sys.getsizeof([]), sys.getsizeof(()), sys.getsizeof({}), sys.getsizeof(set()), sys.getsizeof(""))
print(sys.getsizeof(0), sys.getsizeof(2**30), sys.getsizeof(2**100), sys.getsizeof(1.0), sys.getsizeof(b"abc"))
del nums, table, s
print(sys.getsizeof(words[:10]), sys.getsizeof(tuple(words[:10])))
