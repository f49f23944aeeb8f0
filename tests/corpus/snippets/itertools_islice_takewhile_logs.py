import itertools


def read_lines(n):
    """Pretend to read a big log file line by line."""
    for i in range(n):
        level = "ERROR" if i % 97 == 0 else "INFO"
        yield f"{i:08d} {level} request served in {i % 250} ms"


first_page = list(itertools.islice(read_lines(1_000_000), 20))
print(first_page[0])

window = list(itertools.islice(read_lines(1_000_000), 100_000, 100_010))
print("window:", window[0][:8], "..", window[-1][:8])

fast = itertools.takewhile(lambda l: not l.endswith(" 249 ms"), read_lines(1_000_000))
print("lines before the first slow one:", sum(1 for _ in fast))

after = itertools.dropwhile(lambda l: "ERROR" not in l[9:], read_lines(300))
print("first error:", next(after))

errors = [l for l in itertools.compress(read_lines(200_000), itertools.cycle([1] + [0] * 96))]
print("compress picked", len(errors), all("ERROR" in e for e in errors))

merged = list(itertools.chain.from_iterable(itertools.islice(read_lines(10_000), s, s + 5) for s in range(0, 40, 10)))
print("merged", len(merged))

buckets = {k: len(list(g)) for k, g in itertools.groupby(read_lines(100_000), key=lambda l: l[9:14])}
print(buckets)
