# title: What import numpy costs
#
# Importing NumPy loads about a dozen shared libraries and creates thousands
# of Python objects: the brk heap grows by a few MB (type objects, module
# dicts, docstrings, ld.so's bookkeeping for each library), pymalloc takes
# several new arenas, and along the way glibc's mmap threshold rises because
# some large temporary buffers are freed. All of this is there before the
# first array exists.
import numpy as np
