# string.Formatter as python3.11 behaves: format/vformat, auto and manual numbering, nested specs,
# conversions, attribute and index fields, parse(), a subclass overriding get_value, and the errors
import string

f = string.Formatter()

class Defaults(string.Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str):
            return kwargs.get(key, '?')
        return super().get_value(key, args, kwargs)

class P:
    x = 3
    items = [10, 20]

cases = [
    "r = f.format('{0}-{x:>4}-{y!r}', 1, x='ab', y='c')",
    "r = f.format('{} and {}', 'a', 'b'), f.format('{{literal}} {0}', 5), f.format('a}}b{{c')",
    "r = f.format('{0:{1}}|{2:>{w}.{p}f}', 'ab', 6, 3.14159, w=8, p=2)",
    "r = f.format('{p.x} {p.items[1]} {d[key]} {d[k2]}', p=P, d={'key': 1, 'k2': 2})",
    "r = f.format('{0!s} {0!r} {0!a}', 'é')",
    "r = list(f.parse('a{b}c{d:3}{e!r:>5}tail')), list(f.parse('')), list(f.parse('x{{y}}z'))",
    "r = Defaults().format('{a} {b} {0}', 7, a=1)",
    "r = f.format('{} {0}', 1)",
    "r = f.format('{0} {}', 1, 2)",
    "r = f.format('{0!x}', 1)",
    "r = f.format('a } b')",
    "r = f.format('a { b')",
    "r = f.format('{0:{1:{2}}}', 1, 2, 3)",
    "r = f.format('{missing}')",
    "r = f.vformat('{0}{a}', (1,), {'a': 2})",
]
for case in cases:
    try:
        g = {"f": f, "string": string, "Defaults": Defaults, "P": P}
        exec(case, g)
        print(repr(g["r"]))
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
