# title: arange pieces and one concatenate
#
# A hundred 800 KB arrays each get a mapping of their own. Freeing one raises
# glibc's mmap threshold to its size, so the twenty arrays made next come from
# the brk heap instead (it grows by 15 MB). concatenate makes one 80 MB
# mapping. reshape is a view: no data is copied, and it holds a reference to
# whole, so del whole frees nothing; only del grid unmaps the 80 MB. Deleting
# the pieces unmaps the first hundred at once and, for the heap ones, lets the
# top chunk be trimmed.
import numpy as np
parts = [np.arange(100000) for _ in range(100)]
del parts[0]
more = [np.arange(100000) for _ in range(20)]
whole = np.concatenate(parts)
grid = whole.reshape(99, 100000)
del parts
del more
del whole
del grid
