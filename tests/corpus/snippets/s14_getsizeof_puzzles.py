import sys

lst = []
sizes = []
for i in range(2000):
    before = sys.getsizeof(lst)
    lst.append(i)
    if sys.getsizeof(lst) != before:
        sizes.append((len(lst), sys.getsizeof(lst)))
print("list growth points:", sizes[:8], len(sizes))

print(sys.getsizeof(()), sys.getsizeof((1, 2, 3)), sys.getsizeof([1, 2, 3]), sys.getsizeof({1, 2, 3}))
print(sys.getsizeof({}), sys.getsizeof({"a": 1}), sys.getsizeof(dict.fromkeys(range(10))))
print(sys.getsizeof(""), sys.getsizeof("a"), sys.getsizeof("é"), sys.getsizeof("€"), sys.getsizeof(b""))

big = list(range(1000000))
shallow = sys.getsizeof(big)
deep = shallow + sum(sys.getsizeof(x) for x in big)
print("shallow", shallow, "deep", deep)

s = set(range(100000))
d = {i: None for i in range(100000)}
print(sys.getsizeof(s), sys.getsizeof(d))
for i in range(90000):
    s.discard(i)
    del d[i]
print("after removing 90%:", sys.getsizeof(s), sys.getsizeof(d))
del big, s, d
print(sys.getsizeof(0), sys.getsizeof(2**30), sys.getsizeof(2**100), sys.getsizeof(1.0))
