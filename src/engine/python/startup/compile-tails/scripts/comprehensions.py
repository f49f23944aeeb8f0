squares = [i * i for i in range(10000)]
evens = {i for i in squares if i % 2 == 0}
index = {i: str(i) for i in range(5000)}
pairs = [(a, b) for a in range(30) for b in range(30) if a != b]
total = sum(x for x in squares if x > 100)
del squares, evens, index, pairs
