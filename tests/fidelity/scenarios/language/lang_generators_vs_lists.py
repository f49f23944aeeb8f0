# title: A generator pipeline against the same work with lists
#
# Issue 7: generators. The list version materialises a million squares and
# then a million strings before joining them; the generator version streams
# one item at a time through two generator functions, so only the result of
# the join is ever large. Both give the same string.
def squares(n):
    for i in range(n):
        yield i * i


def as_text(numbers):
    for n in numbers:
        yield str(n)


as_list = ",".join([str(x) for x in [i * i for i in range(1000000)]])
as_stream = ",".join(as_text(squares(1000000)))
same = as_list == as_stream
del as_list
del as_stream
