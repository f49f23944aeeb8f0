import textwrap

words = [f"word{i % 97}" for i in range(60000)]
paragraph = " ".join(words)
print(len(paragraph))
wrapped = textwrap.wrap(paragraph, width=72)
print(len(wrapped), wrapped[0])
filled = textwrap.fill(paragraph[:5000], width=40, initial_indent="> ", subsequent_indent="  ")
print(filled.count("\n"), filled[:50])
doc = textwrap.dedent("""
    line one
      indented
    line three
""")
print(repr(doc))
print(textwrap.shorten(paragraph, width=50, placeholder=" [...]"))
print(textwrap.indent("a\nb\n", "# "), end="")
del words, paragraph
del wrapped
print(len(filled))
