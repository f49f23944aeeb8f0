def read_records(n):
    for i in range(n):
        yield f"{i},{i * 2},{'abc' * (i % 5)}"


def parse(lines):
    for line in lines:
        a, b, c = line.split(",")
        yield int(a), int(b), c


def keep_even(rows):
    return (r for r in rows if r[0] % 2 == 0)


count = 0
for row in keep_even(parse(read_records(500000))):
    count += 1
print(count)
