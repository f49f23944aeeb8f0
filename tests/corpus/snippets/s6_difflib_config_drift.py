import difflib

old = [f"setting_{i} = {i * 2}\n" for i in range(4000)]
new = list(old)
for i in range(0, 4000, 97):
    new[i] = f"setting_{i} = {i * 3}\n"
del new[500:520]
new.insert(1000, "added = yes\n")

diff = list(difflib.unified_diff(old, new, fromfile="a.cfg", tofile="b.cfg", n=1))
print(len(diff))
print("".join(diff[:6]), end="")
sm = difflib.SequenceMatcher(None, old, new)
print(round(sm.ratio(), 4))
ops = sm.get_opcodes()
print(len(ops), ops[:3])
names = [f"setting_{i}" for i in range(3000)]
print(difflib.get_close_matches("setting_12x", names, n=3))
nd = list(difflib.ndiff(["one\n", "two\n", "three\n"], ["one\n", "tree\n", "three\n"]))
print("".join(nd), end="")
del diff, old, new
