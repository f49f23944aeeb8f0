import io
import textwrap

paragraph = ("Memory that a Python process frees is often kept by the allocator "
             "for reuse, so the resident size does not drop right away. ") * 3
buf = io.StringIO()
for i in range(4000):
    buf.write(f"== item {i} ==\n")
    buf.write(textwrap.fill(paragraph, width=60, initial_indent="  ", subsequent_indent="  "))
    buf.write("\n")
text = buf.getvalue()
print(len(text), text.count("\n"), buf.tell())
print(text[:120])
buf.seek(0)
first = [buf.readline() for _ in range(3)]
print(first)
wrapped = textwrap.wrap(paragraph, 40)
print(len(wrapped), wrapped[0])
print(textwrap.shorten(paragraph, 50, placeholder=" [...]"))
print(textwrap.dedent("    a\n      b\n    c"))
print(textwrap.indent("x\ny", "> "))
buf.close()
del buf
lines = text.splitlines()
del text
print(len(lines), max(map(len, lines)))
out = io.StringIO()
print(*lines[:3], sep="|", file=out)
print(out.getvalue())
