# difflib as python3.11 behaves: SequenceMatcher (junk, autojunk's popular elements, ratios, blocks,
# opcodes, grouped opcodes), unified/context/ndiff output, Differ, restore, get_close_matches, errors
import difflib as dl

A = ["one\n", "two\n", "three\n", "four\n", "five\n", "six\n", "seven\n", "eight\n", "nine\n", "ten\n"]
B = ["zero\n", "one\n", "tree\n", "four\n", "five\n", "six\n", "sevens\n", "eight\n", "ten\n", "eleven\n"]
LONG = [f"x{i % 7}" for i in range(200)]
cases = [
    "s = dl.SequenceMatcher(None, 'abxcd', 'abcd'); r = (s.ratio(), s.quick_ratio(), s.real_quick_ratio())",
    "r = dl.SequenceMatcher(None, 'abxcd', 'abcd').get_matching_blocks()",
    "r = dl.SequenceMatcher(None, 'qabxcd', 'abycdf').get_opcodes()",
    "r = dl.SequenceMatcher(None, ' abcd', 'abcd abcd').find_longest_match(0, 5, 0, 9)",
    "r = dl.SequenceMatcher(lambda x: x == ' ', ' abcd', 'abcd abcd').find_longest_match()",
    "s = dl.SequenceMatcher(lambda x: x == ' ', 'private Thread currentThread;', 'private volatile Thread currentThread;'); r = round(s.ratio(), 3)",
    "s = dl.SequenceMatcher(None, LONG, LONG[::-1]); r = (sorted(s.bpopular), s.bjunk, len(s.b2j), s.ratio())",
    "s = dl.SequenceMatcher(None, LONG, LONG[::-1], autojunk=False); r = (s.bpopular, len(s.b2j), s.ratio())",
    "s = dl.SequenceMatcher(None, A, B); r = list(s.get_grouped_opcodes(1))",
    "s = dl.SequenceMatcher(None, 'abc', 'abc'); r = list(s.get_grouped_opcodes())",
    "s = dl.SequenceMatcher(None, '', ''); r = (s.ratio(), s.get_opcodes(), list(s.get_grouped_opcodes()))",
    "s = dl.SequenceMatcher(); s.set_seqs('hello', 'yellow'); r = (s.a, s.b, s.ratio())",
    "m = dl.SequenceMatcher(None, 'abcd', 'xbcd').get_matching_blocks()[0]; r = (m, m.a, m.size, type(m).__name__)",
    "r = ''.join(dl.unified_diff(A, B, 'a.txt', 'b.txt', 'd1', 'd2'))",
    "r = list(dl.unified_diff(A, B, n=0))",
    "r = list(dl.unified_diff(['a', 'b'], ['a', 'c'], lineterm=''))",
    "r = ''.join(dl.context_diff(A, B, fromfile='old', tofile='new'))",
    "r = list(dl.context_diff(A, A))",
    "r = list(dl.ndiff(A, B))",
    "r = list(dl.ndiff(['abcDefghiJkl\\n'], ['abcdefGhijkl\\n']))",
    "r = list(dl.ndiff(['\\tIf a blank\\n'], ['\\tIf the blank\\n']))",
    "d = list(dl.ndiff(A, B)); r = (''.join(dl.restore(d, 1)) == ''.join(A), ''.join(dl.restore(d, 2)) == ''.join(B))",
    "r = list(dl.restore(['  a'], 3))",
    "r = list(dl.Differ().compare(['one\\n', 'two\\n', 'three\\n'], ['ore\\n', 'tree\\n', 'emu\\n']))",
    "r = list(dl.Differ(dl.IS_LINE_JUNK).compare(['x\\n', '#\\n', 'y\\n'], ['x\\n', '  \\n', 'y\\n']))",
    "r = dl.get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy'])",
    "r = dl.get_close_matches('wheel', ['while', 'wheeler', 'whole', 'hello'], n=2, cutoff=0.5)",
    "r = dl.get_close_matches('zzz', ['abc'])",
    "r = dl.get_close_matches('a', ['a'], n=0)",
    "r = dl.get_close_matches('a', ['a'], cutoff=1.5)",
    "r = (dl.IS_LINE_JUNK('\\n'), dl.IS_LINE_JUNK('  #   \\n'), dl.IS_LINE_JUNK('hello\\n'))",
    "r = (dl.IS_CHARACTER_JUNK(' '), dl.IS_CHARACTER_JUNK('\\t'), dl.IS_CHARACTER_JUNK('\\n'), dl.IS_CHARACTER_JUNK('x'))",
    "r = list(dl.unified_diff([b'a'], [b'b']))",
    "r = list(dl.unified_diff(['a'], ['b'], fromfile=1))",
    "r = list(dl.diff_bytes(dl.unified_diff, [b'a\\n', b'b\\n'], [b'a\\n', b'c\\n'], b'x', b'y'))",
    "r = list(dl.diff_bytes(dl.unified_diff, ['a'], [b'b']))",
    "r = sorted(n for n in dl.__all__)",
]
for case in cases:
    try:
        g = {"dl": dl, "A": A, "B": B, "LONG": LONG}
        exec(case, g)
        print(repr(g["r"]))
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
