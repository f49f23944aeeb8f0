# title: A thread pool from concurrent.futures parses chunks
#
# Held-out (issue 9): the pool people reach for instead of threading.Thread.
# Four workers turn chunks of lines into lists of tuples; the main thread
# collects the counts and drops everything.
from concurrent.futures import ThreadPoolExecutor


def parse(chunk):
    return [tuple(line.split(";")) for line in chunk]


lines = [f"{i};name{i % 311};{i * 0.25}" for i in range(120000)]
chunks = [lines[i : i + 10000] for i in range(0, len(lines), 10000)]
with ThreadPoolExecutor(max_workers=4) as pool:
    parsed = list(pool.map(parse, chunks))
count = sum(len(p) for p in parsed)
del parsed, chunks
del lines
