import itertools
import functools
import operator

rows = [[i, i + 1, i + 2] for i in range(0, 15_000, 3)]
print("rows:", len(rows))

flat_sum = sum(rows, [])
print("sum(rows, []):", len(flat_sum))

flat_chain = list(itertools.chain.from_iterable(rows))
print("chain:", len(flat_chain), flat_chain == flat_sum)

flat_comp = [x for row in rows for x in row]
print("comprehension:", len(flat_comp))

flat_reduce = functools.reduce(operator.iadd, rows, [])
print("reduce iadd:", len(flat_reduce))

flat_extend = []
for row in rows:
    flat_extend.extend(row)
print("extend:", len(flat_extend))

big_rows = [list(range(i, i + 50)) for i in range(0, 1_000_000, 50)]
flat_big = list(itertools.chain(*big_rows))
print("big chain:", len(flat_big))
del flat_sum, flat_comp, flat_reduce, big_rows
del flat_big, flat_chain, flat_extend
