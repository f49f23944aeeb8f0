import difflib
import textwrap

words = ["memory", "arena", "pool", "block", "chunk", "heap", "page", "trim"]
paragraph = " ".join(words[(i * 7) % len(words)] for i in range(4000))

wrapped = textwrap.wrap(paragraph, width=72)
print("lines:", len(wrapped), wrapped[0])

old = [f"line {i}: {words[i % 8]}" for i in range(3000)]
new = list(old)
for i in range(0, 3000, 150):
    new[i] = new[i].upper()
del new[1000:1010]

diff = list(difflib.unified_diff(old, new, "old", "new", lineterm="", n=1))
print("diff lines:", len(diff))
print("\n".join(diff[:5]))

ratio = difflib.SequenceMatcher(None, "\n".join(old[:400]), "\n".join(new[:400])).ratio()
print("ratio: %.4f" % ratio)
print(textwrap.shorten(paragraph, width=50, placeholder=" ..."))
del old, new, diff, wrapped
print(textwrap.indent("done\nok", "> "))
