def collect(*args, sep=",", **kw):
    return sep.join(str(a) for a in args) + str(sorted(kw))


first, *rest = range(100)
merged = {**{"a": 1}, **{"b": 2}}
text = collect(*rest, sep=";", x=1, y=2)
nums = [*range(10), *range(20)]
