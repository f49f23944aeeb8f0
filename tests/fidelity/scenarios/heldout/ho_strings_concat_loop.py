# title: Building a CSV line by line with += and join
#
# A string grown with += in a loop: CPython resizes it in place when nothing
# else refers to it (unicode_concatenate), so the buffer moves from pymalloc
# to glibc and then to mmap as it grows. The lines list joined at the end
# makes one more big string, and split() a list of fresh small strings.
out = ""
for i in range(50000):
    out += str(i) + ";" + str(i * 3) + "\n"
lines = []
for i in range(100000):
    lines.append("row " + str(i) + ": " + "x" * (i % 40))
text = "\n".join(lines)
words = text.split()
del lines
del out, text
del words
