# argparse as python3.11 behaves: add_argument (type, default, action, nargs, choices, required,
# metavar, dest), parse_args/parse_known_args over explicit lists, subparsers, groups, mutually
# exclusive groups, help and usage text, and the errors (SystemExit(2), the message on stderr)
import argparse as ap
import io
import sys


def P(**kw):
    kw.setdefault('prog', 'tool')
    return ap.ArgumentParser(**kw)


def run(p, argv):
    err = io.StringIO()
    old = sys.stderr
    sys.stderr = err
    try:
        return p.parse_args(argv)
    except SystemExit as e:
        return ('exit', e.code, err.getvalue())
    finally:
        sys.stderr = old


def base():
    p = P(description='Process some files.', epilog='See the manual.')
    p.add_argument('files', nargs='+', help='input files')
    p.add_argument('-n', '--count', type=int, default=3, help='how many (default: %(default)s)')
    p.add_argument('-v', '--verbose', action='count', default=0)
    p.add_argument('--mode', choices=['fast', 'slow'], default='fast', help='speed')
    p.add_argument('-q', action='store_true', help='quiet')
    p.add_argument('--no-cache', dest='cache', action='store_false')
    p.add_argument('--tag', action='append', metavar='T')
    p.add_argument('--ratio', type=float)
    p.add_argument('--pair', nargs=2, metavar=('K', 'V'))
    p.add_argument('--opt', nargs='?', const='C', default='D')
    return p


def positive(s):
    v = int(s)
    if v <= 0:
        raise ap.ArgumentTypeError('%r is not positive' % s)
    return v


cases = [
    "r = run(base(), ['a.txt', 'b.txt'])",
    "r = run(base(), ['-n', '5', '-vv', '--mode', 'slow', '-q', 'x'])",
    "r = run(base(), ['x', '--tag', 'a', '--tag=b', '--no-cache', '--ratio', '0.5'])",
    "r = run(base(), ['x', '--pair', 'k', 'v', '--opt'])",
    "r = run(base(), ['x', '--opt', 'given', '-n7'])",
    "r = run(base(), ['--count=9', '--', '-weird'])",
    "r = run(base(), ['x', '--co', '4', '--mo', 'slow'])",
    "r = run(base(), [])",
    "r = run(base(), ['x', '-n', 'abc'])",
    "r = run(base(), ['x', '--mode', 'medium'])",
    "r = run(base(), ['x', '--bogus'])",
    "r = run(base(), ['x', '-n'])",
    "r = run(base(), ['x', '--pair', 'k'])",
    "r = run(base(), ['x', '-q=1'])",
    "r = base().format_help()",
    "r = base().format_usage()",
    "r = run(base(), ['-h'])",
    "p = base(); r = p.parse_known_args(['x', '--other', 'y', '-z'])",
    "p = P(); p.add_argument('--verbose', action=ap.BooleanOptionalAction, default=True, help='talk'); r = (run(p, ['--no-verbose']), p.format_help())",
    "p = P(); p.add_argument('--x', action='extend', nargs='+', type=int); r = run(p, ['--x', '1', '2', '--x', '3'])",
    "p = P(); p.add_argument('--c', action='append_const', const=1); p.add_argument('--d', action='store_const', const='k'); r = run(p, ['--c', '--c', '--d'])",
    "p = P(); p.add_argument('--version', action='version', version='%(prog)s 1.0'); r = run(p, ['--version'])",
    "p = P(); g = p.add_mutually_exclusive_group(); g.add_argument('--a', action='store_true'); g.add_argument('--b', action='store_true'); r = (run(p, ['--a', '--b']), run(p, ['--b']), p.format_usage())",
    "p = P(); g = p.add_mutually_exclusive_group(required=True); g.add_argument('--a'); g.add_argument('--b'); r = (run(p, []), p.format_usage())",
    "p = P(); g = p.add_argument_group('io', 'input and output'); g.add_argument('--in', dest='src'); g.add_argument('dst'); r = p.format_help()",
    "p = P(); s = p.add_subparsers(dest='cmd', help='commands'); a = s.add_parser('add', help='add things'); a.add_argument('name'); rm = s.add_parser('rm', aliases=['del']); rm.add_argument('-f', action='store_true'); r = (run(p, ['add', 'x']), run(p, ['del', '-f']), run(p, ['mv']), p.format_help(), a.format_usage())",
    "p = P(); s = p.add_subparsers(dest='cmd', required=True); s.add_parser('go'); r = run(p, [])",
    "p = P(); s = p.add_subparsers(title='actions', dest='cmd'); g = s.add_parser('go'); g.add_argument('--fast', action='store_true'); r = (run(p, ['go', '--fast']), p.format_help())",
    "p = P(); p.add_argument('x', type=int, nargs='*', default=[1]); p.add_argument('--y', type=int, default='7'); r = (run(p, []), run(p, ['4', '5']))",
    "p = P(); p.add_argument('a'); p.add_argument('b', nargs='?', default='B'); p.add_argument('c', nargs='*'); r = (run(p, ['1']), run(p, ['1', '2', '3', '4']))",
    "p = P(); p.add_argument('-1', dest='one', action='store_true'); p.add_argument('n', nargs='?'); r = (run(p, ['-1']), run(p, ['-2']))",
    "p = P(); p.add_argument('n', type=int); r = (run(p, ['-5']), run(p, ['-5.5']))",
    "p = P(prefix_chars='+'); p.add_argument('+x'); r = (run(p, ['+x', '1']), p.format_usage())",
    "p = P(); p.add_argument('--foo'); p.add_argument('--foo')",
    "p = P(conflict_handler='resolve'); p.add_argument('-f', '--foo', help='old'); p.add_argument('--foo', help='new'); r = p.format_help()",
    "parent = P(add_help=False); parent.add_argument('--common', default=1); p = P(parents=[parent]); r = run(p, ['--common', '2'])",
    "p = P(); p.set_defaults(func='f', n=2); p.add_argument('--n', type=int); r = (run(p, []), p.get_default('n'), p.get_default('func'))",
    "p = P(); p.add_argument('pos', required=True)",
    "p = P(); p.add_argument('--s', action='store', nargs=0)",
    "p = P(); p.add_argument('bad', action='nonsense')",
    "p = P(); p.add_argument('x', metavar=('a', 'b'), nargs=3)",
    "p = P(); p.add_argument('--int', type='int')",
    "p = P(exit_on_error=False); p.add_argument('--n', type=int); r = p.parse_args(['--n', 'x'])",
    "p = P(); p.add_argument('n', type=positive); r = (run(p, ['3']), run(p, ['-3']), run(p, ['0']))",
    "r = (ap.Namespace(a=1, b='x'), ap.Namespace(a=1) == ap.Namespace(a=1), 'a' in ap.Namespace(a=1), repr(ap.Namespace(**{'not id': 1, 'b': 2})))",
    "p = P(); a = p.add_argument('--foo', type=int, default=2, help='h'); r = repr(a)",
    "r = repr(P(description='d'))",
    "p = P(formatter_class=ap.ArgumentDefaultsHelpFormatter); p.add_argument('--n', type=int, default=4, help='number'); p.add_argument('--s', default='x'); r = p.format_help()",
    "p = P(formatter_class=ap.RawDescriptionHelpFormatter, description='line one\\n  indented two\\n'); r = p.format_help()",
    "p = P(formatter_class=ap.RawTextHelpFormatter); p.add_argument('--x', help='a\\nb'); r = p.format_help()",
    "p = P(); [p.add_argument('--option-number-%d' % i, metavar='VALUE%d' % i, help='the %d-th option of a long list whose help wraps over more than one line' % i) for i in range(6)]; p.add_argument('target'); r = p.format_help()",
    "p = P(prog='a-very-long-program-name-that-takes-most-of-the-line-by-itself-alone'); [p.add_argument('--o%d' % i) for i in range(4)]; p.add_argument('pos'); r = p.format_usage()",
    "p = P(usage='%(prog)s [opts] FILE'); r = p.format_help()",
    "p = P(); p.add_argument('--x', help=ap.SUPPRESS); p.add_argument('y', help='why'); r = (p.format_help(), run(p, ['1', '--x', '2']))",
    "p = P(allow_abbrev=False); p.add_argument('--long'); r = run(p, ['--lo', '1'])",
    "p = P(); p.add_argument('--aa'); p.add_argument('--ab'); r = run(p, ['--a', '1'])",
    "p = P(); p.add_argument('rest', nargs=ap.REMAINDER); p.add_argument('--v', action='store_true'); r = run(p, ['--v', 'cmd', '--v', '-x'])",
    "r = (ap.FileType('w'), ap.FileType('rb', encoding='utf-8'), ap.SUPPRESS, ap.ONE_OR_MORE, ap.PARSER)",
    "r = str(ap.ArgumentError(None, 'plain')), str(ap.ArgumentError(P().add_argument('--q'), 'bad'))",
]
for case in cases:
    try:
        g = {"ap": ap, "P": P, "run": run, "base": base, "positive": positive}
        exec(case, g)
        print(repr(g["r"]))
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
