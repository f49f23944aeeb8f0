# title: Comprehensions inside functions
#
# Issue 8's comprehension case. On 3.11 every comprehension is a nested
# function: calling it makes a function object and a frame. PEP 709 (3.12)
# inlines list, dict and set comprehensions into the enclosing function, so
# there is no function object and the iteration variables live in the
# caller's frame. The results are the same objects on every version.
def squares(n):
    return [i * i for i in range(n)]


def table(n):
    return {i: str(i) for i in range(n)}


def pairs(n):
    return [(i, j) for i in range(n) for j in range(3)]


a = squares(500000)
b = table(200000)
c = pairs(100000)
s = {x % 1000 for x in a}
del a, b, c, s
