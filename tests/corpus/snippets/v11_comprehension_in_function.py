def squares_table(n):
    return {i: [i * j for j in range(20)] for i in range(n)}


def evens(table):
    return [k for k, row in table.items() if row[1] % 4 == 0]


def words(n):
    return {f"w{i % 3000}" for i in range(n)}


table = squares_table(20000)
print(len(table), table[3][:5])
ev = evens(table)
print(len(ev))
vocab = words(50000)
print(len(vocab))
del table
lens = sorted(len(w) for w in vocab)
print(lens[0], lens[-1])
