from itertools import tee, islice, chain, count, takewhile, compress, cycle

def numbers():
    for i in count():
        yield i * i

a, b = tee(islice(numbers(), 100000))
first = list(islice(a, 10))
print(first)
rest = list(b)
print(len(rest), rest[-1])
mixed = list(chain(range(5), "abc", [1.5, 2.5], rest[:20000]))
print(len(mixed), mixed[:9])
small = list(takewhile(lambda x: x < 1000, rest))
print(small[-1], len(small))
picked = list(compress(rest, cycle([True, False, False])))
print(len(picked), picked[:3])
del rest, mixed
print(len(picked))
del picked
