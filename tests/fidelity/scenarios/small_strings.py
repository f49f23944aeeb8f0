# title: Small strings stay in pymalloc
#
# str(i) * 5 gives ASCII strings of 5 to 30 characters: 54 to 79 bytes each
# (48-byte header plus the characters and a NUL), i.e. 64- and 80-byte
# pymalloc blocks. Half a million of them fill arenas; none of this touches
# the brk heap except the pointer array, which is mmapped. Deleting them
# returns whole arenas to the kernel.
s = [str(i) * 5 for i in range(500000)]
n = len(s)
del s
