# title: extend, insert and slices
#
# list(range(100000)) allocates its 800 KB array exactly, and glibc mmaps it.
# extend() and insert() resize it with mremap. A slice a[1000:50000] is a new
# array of exactly 49,000 pointers, mmapped too. Assigning [] to a[100:]
# copies the 199,901 removed references into a temporary 1.6 MB buffer
# (mmapped, then freed, which raises the mmap threshold) and shrinks a's array
# to 100 slots; an mmapped chunk stays mmapped when realloc shrinks it, so a
# ends up owning a 4 KiB mapping of its own.
a = list(range(100000))
a.extend(range(100000))
a.insert(0, -1)
b = a[1000:50000]
a[100:] = []
del a
del b
