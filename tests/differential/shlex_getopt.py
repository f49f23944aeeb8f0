# shlex (split, quote, join, the lexer in posix and classic modes, punctuation_chars) and getopt
# (getopt, gnu_getopt, long prefixes, errors) as python3.11 behaves
import getopt
import shlex

cases = [
    "r = shlex.split('ls -l \"my file.txt\" \\'single q\\' a\\\\ b')",
    "r = shlex.split('echo \"a \\\\\"quoted\\\\\" word\" x#y # comment')",
    "r = shlex.split('echo hi # comment', comments=True)",
    "r = shlex.split('a \"b c\" d', posix=False)",
    "r = shlex.split('\"unterminated')",
    "r = shlex.split('trailing\\\\')",
    "r = shlex.split('')",
    "r = shlex.split('\"\" x \\'\\'')",
    "r = shlex.split('caf\\u00e9 na\\u00efve \\u00fcber')",
    "r = [shlex.quote(s) for s in ['', 'safe-name_1.txt', 'has space', \"it's\", '$HOME', 'a@b%c+d=e:f,g']]",
    "r = shlex.join(['echo', 'hello world', \"don't\", ''])",
    "r = list(shlex.shlex('a && b; c | d > f', punctuation_chars=True))",
    "r = list(shlex.shlex('foo bar.baz(1, 2)'))",
    "l = shlex.shlex('x = \"y z\" # c\\nw', posix=True); r = [(t, l.lineno) for t in l]",
    "l = shlex.shlex('a b'); r = (l.get_token(), l.get_token(), l.get_token())",
    "l = shlex.shlex('a b', posix=True); l.push_token('z'); r = (l.get_token(), l.get_token(), l.get_token(), l.get_token())",
    "l = shlex.shlex('a'); r = (l.error_leader(), l.error_leader('f', 3), l.punctuation_chars, l.eof)",
    "l = shlex.shlex('a', punctuation_chars='|'); r = (l.punctuation_chars, '|' in l.wordchars, '~' in l.wordchars)",
    "r = getopt.getopt(['-a', '-b', 'val', '--long', 'x', 'rest'], 'ab:', ['long'])",
    "r = getopt.getopt(['-abval', '--name=n', '--', '-c'], 'ab:c', ['name='])",
    "r = getopt.getopt(['--na', 'v', 'file'], '', ['name='])",
    "r = getopt.getopt(['-x'], 'a')",
    "r = getopt.getopt(['-b'], 'b:')",
    "r = getopt.getopt(['--nope'], '', ['name'])",
    "r = getopt.getopt(['--n'], '', ['name', 'num'])",
    "r = getopt.getopt(['--name=1'], '', ['name'])",
    "r = getopt.getopt(['--name'], '', ['name='])",
    "r = getopt.gnu_getopt(['file', '-a', 'more', '--long=1'], 'a', ['long='])",
    "r = getopt.gnu_getopt(['file', '-a'], '+a')",
    "r = getopt.gnu_getopt(['-', '-a', '--', '-b'], 'ab')",
    "r = getopt.getopt(['-a', '-', '-b'], 'ab')",
    "r = getopt.getopt(['--ver'], '', 'version')",
    "e = getopt.GetoptError('m', 'o'); r = (str(e), e.msg, e.opt, e.args, getopt.error is getopt.GetoptError)",
]
for case in cases:
    try:
        g = {"shlex": shlex, "getopt": getopt}
        exec(case, g)
        print(repr(g["r"]))
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
