import sys

numbers = [x * x for x in range(1_000_000)]
print(f"list of squares: {sys.getsizeof(numbers):,} bytes (just the pointer array)")

squares_gen = (x * x for x in range(1_000_000))
print(f"generator: {sys.getsizeof(squares_gen)} bytes")

total_list = sum(numbers)
total_gen = sum(squares_gen)
assert total_list == total_gen

evens = [n for n in numbers if n % 2 == 0]
odds = [n for n in numbers if n % 2 == 1]
print(len(evens), len(odds))

del numbers, evens, odds


def read_squares(limit):
    """Yield squares lazily, like reading a huge file line by line."""
    n = 0
    while n < limit:
        yield n * n
        n += 1


biggest = max(read_squares(500_000))
print("largest square:", biggest)
