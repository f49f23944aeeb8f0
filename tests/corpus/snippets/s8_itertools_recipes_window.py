import collections
import itertools


def sliding_window(iterable, n):
    it = iter(iterable)
    window = collections.deque(itertools.islice(it, n - 1), maxlen=n)
    for x in it:
        window.append(x)
        yield tuple(window)


def grouper(iterable, n, fillvalue=None):
    args = [iter(iterable)] * n
    return itertools.zip_longest(*args, fillvalue=fillvalue)


def roundrobin(*iterables):
    iterators = map(iter, iterables)
    for num_active in range(len(iterables), 0, -1):
        iterators = itertools.cycle(itertools.islice(iterators, num_active))
        yield from map(next, iterators)


def unique_everseen(iterable, key=None):
    seen = set()
    for element in iterable:
        k = element if key is None else key(element)
        if k not in seen:
            seen.add(k)
            yield element


data = [i * 7 % 1013 for i in range(300000)]
sums = [sum(w) for w in sliding_window(data, 5)]
print(len(sums), sums[:3], max(sums))
groups = list(grouper(data, 4, 0))
print(len(groups), groups[-1])
print(list(itertools.islice(roundrobin("ABC", "D", "EF"), 10)))
uniq = list(unique_everseen(data))
print(len(uniq))
pairs = list(itertools.pairwise(data[:10]))
print(pairs[:3])
acc = list(itertools.accumulate(data[:20], max))
print(acc)
print(list(itertools.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(itertools.starmap(pow, [(2, 5), (3, 2)])))
del sums, groups, uniq, data
