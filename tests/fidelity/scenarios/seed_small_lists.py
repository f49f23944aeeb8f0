# title: A million small lists: the heap never comes back
#
# The seed's first snippet. Each [0] * 100 asks glibc for an 800-byte item
# buffer (too big for pymalloc's 512-byte limit), so a million of them fill
# about 780 MB of brk heap in address order, while the list headers go to
# pymalloc arenas. `del a` frees everything, yet the [heap] stays at its peak
# and RSS stays near 800 MB: the 7 highest buffers sit in glibc's tcache
# (which counts as "in use"), and pymalloc's arenas[] vector, realloc'd in the
# middle of the build, pins everything below it, so the free space never
# touches the top chunk and nothing is trimmed. The 1 MiB pymalloc arenas, by
# contrast, are unmapped as they empty.
a = [[0] * 100 for _ in range(1000000)]
del a
