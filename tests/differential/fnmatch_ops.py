# fnmatch as python3.11 behaves: fnmatch/fnmatchcase/filter and translate's regular expressions
import fnmatch as fm

cases = [
    "r = [fm.fnmatch(n, '*.py') for n in ['a.py', 'b.PY', 'c.pyc', '.py', 'dir/x.py']]",
    "r = [fm.fnmatchcase(n, 'data_??.csv') for n in ['data_01.csv', 'data_1.csv', 'data_123.csv']]",
    "r = fm.filter(['log1.txt', 'log2.txt', 'logx.txt', 'other'], 'log[0-9].txt')",
    "r = fm.filter(['a', 'b', 'c', '!', '-'], '[!a-b]')",
    "r = [fm.translate(p) for p in ['*.py', '?x', '[abc]', '[!abc]', '[a-z]*', 'a*b*c', '*a*', '**', '[', '[]]', '[!]]', '[z-a]', '[a-]', '[-a]', '[\\\\]', '[&&]', '[^x]', 'a.b+c(d)']]",
    "r = [fm.fnmatch('abc', p) for p in ['a*c', 'a?c', '*', '[a]bc', '[!a]bc', '*b', 'a*b*c*', '']]",
    "r = fm.fnmatch('x', 1)",
    "r = fm.fnmatchcase('a\\nb', 'a?b'), fm.fnmatchcase('a' * 50, '*a*a*a*a*a*b')",
]
for case in cases:
    try:
        g = {"fm": fm}
        exec(case, g)
        print(repr(g["r"]))
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
