import sys

def extract(n):
    return [f"{i},{i % 97},{i * 3 % 1000}" for i in range(n)]

def transform(lines):
    return [line.split(",") for line in lines]

def load(rows):
    return {int(r[0]): (int(r[1]), int(r[2])) for r in rows}

raw = extract(150000)
parsed = transform(raw)
table = load(parsed)
print("list pipeline:", len(table), sys.getsizeof(parsed))
del raw, parsed

def extract_gen(n):
    for i in range(n):
        yield f"{i},{i % 97},{i * 3 % 1000}"

def transform_gen(lines):
    for line in lines:
        yield line.split(",")

def load_gen(rows):
    out = {}
    for r in rows:
        out[int(r[0])] = (int(r[1]), int(r[2]))
    return out

table2 = load_gen(transform_gen(extract_gen(150000)))
print("generator pipeline:", len(table2), table2[1234])
del table
total = sum(v[1] for v in table2.values())
print(total)
del table2
