# title: After one big free, big arrays move to the heap
#
# np.zeros(3000000) is a 24 MB mapping. Freeing it raises glibc's mmap
# threshold to 24 MB (the limit is 32 MiB) and the trim threshold to 48 MB, so
# the twenty 8 MB arrays made next no longer get mappings: they are carved
# from the brk heap, which grows by 152 MB. s, made after them, sits at the
# top: del bs frees 152 MB (fordblks) but none of it can be trimmed past s.
# When s goes, everything merges into the top chunk and the heap shrinks back.
import numpy as np
z = np.zeros(3000000)
del z
bs = [np.full(1000000, 7.0) for _ in range(20)]
s = bs[0] + bs[1]
del bs
del s
