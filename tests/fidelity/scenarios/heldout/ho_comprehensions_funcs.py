# title: Comprehensions in helper functions
def word_lengths(words):
    return {w: len(w) for w in words}


def grid(rows, cols):
    return [[r * cols + c for c in range(cols)] for r in range(rows)]


def flatten(rows):
    return [x for row in rows for x in row]


def evens(values):
    return {v for v in values if v % 2 == 0}


words = [str(i) * 3 for i in range(100000)]
lengths = word_lengths(words)
g = grid(500, 400)
flat = flatten(g)
ev = evens(flat)
total = sum(x * 2 for x in flat)
del g, flat
del words, lengths, ev
