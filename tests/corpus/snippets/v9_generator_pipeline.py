def numbers(n):
    for i in range(n):
        yield i


def squares(it):
    for x in it:
        yield x * x


def chunks(it, size):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(lists):
    for sub in lists:
        yield from sub


total = sum(squares(numbers(300000)))
print(total)
sizes = [len(c) for c in chunks(numbers(250001), 1000)]
print(len(sizes), sizes[-1])
kept = list(chunks(squares(numbers(200000)), 500))
print(len(kept))
flat = list(flatten(kept))
print(len(flat), flat[-1])
gen = (s for s in flat if s % 3 == 0)
first = [next(gen) for _ in range(10)]
print(first)
del kept
evens = list(x for x in flat if x % 2 == 0)
print(len(evens))
del flat, evens
