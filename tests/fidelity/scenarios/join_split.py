# title: join and split
#
# ' '.join(...) first turns the generator into a temporary list (an 8 MB
# pointer array, mmapped), builds one 6.9 MB string (mmapped too), and frees
# the temporary list. That free tells glibc that 8 MB blocks come and go, so
# it raises the mmap threshold to 8.4 MB and the trim threshold to 16.9 MB.
# From then on split()'s growing list is carved from the brk heap, which grows
# to 8.5 MB, while its million words go to pymalloc arenas. Deleting the words
# returns the arenas and puts the 8 MB array back into the top chunk, but the
# heap is not trimmed: top (8 MB) is below the new trim threshold. The next 8
# MB list reuses that space.
text = ' '.join(str(i) for i in range(1000000))
words = text.split()
del text
del words
again = [0] * 1000000
