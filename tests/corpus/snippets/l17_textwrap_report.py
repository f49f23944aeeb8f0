import textwrap
import random

random.seed(3)
words = ["memory", "arena", "pool", "block", "chunk", "heap", "page", "trim", "free", "bin"]
paragraphs = [" ".join(random.choice(words) for _ in range(120)) for _ in range(2_000)]
wrapped = [textwrap.fill(p, width=72) for p in paragraphs]
print(wrapped[0].splitlines()[0])
print(sum(w.count("\n") for w in wrapped))
short = [textwrap.shorten(p, width=40, placeholder=" ...") for p in paragraphs[:5]]
print(short[1])
print(textwrap.indent("a\nb\n", "> "), end="")
del wrapped
del paragraphs
