a = set(range(0, 300000, 2))
b = set(range(0, 300000, 3))
both = a & b
either = a | b
only_a = a - b
odd_one = a ^ b
print(len(both), len(either), len(only_a), len(odd_one))
frozen = frozenset(x for x in either if x % 5 == 0)
print(len(frozen), frozen <= either)
tags = [{f"t{(i * k) % 50}" for k in range(1, 6)} for i in range(30000)]
common = set.intersection(*tags[:100])
union_all = set().union(*tags)
print(len(common), len(union_all))
a |= set(range(1, 100000, 2))
a -= b
print(len(a))
del either, odd_one
words = {f"w{i}" for i in range(50000)}
words.difference_update({f"w{i}" for i in range(0, 50000, 2)})
print(len(words))
del tags, a, b
