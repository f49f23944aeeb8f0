import textwrap

words = ["memory", "arena", "pool", "block", "heap", "chunk", "page", "resident"]
paragraphs = []
for p in range(1500):
    text = " ".join(words[(p + i) % len(words)] for i in range(120))
    paragraphs.append(text)

wrapped = [textwrap.fill(p, width=60) for p in paragraphs]
print(wrapped[0].splitlines()[:2])
print(max(len(line) for w in wrapped for line in w.splitlines()))
indented = [textwrap.indent(w, "> ") for w in wrapped[:200]]
print(indented[1].splitlines()[0])
short = [textwrap.shorten(p, width=40, placeholder=" [...]") for p in paragraphs]
print(short[2])
code = """
    def f(x):
        return x * 2
"""
print(textwrap.dedent(code).strip().splitlines())
w = textwrap.TextWrapper(width=30, initial_indent="* ", subsequent_indent="  ")
print(w.wrap(paragraphs[3])[:3])
del paragraphs, wrapped
print(len(short), len(indented))
