# title: frombuffer views keep the bytes alive
#
# np.frombuffer does not copy: the array is a view on the bytes object's own
# buffer and holds a reference to it. Deleting the name of the 32 MB bytes
# object frees nothing while the array (or a slice of it) is alive; only
# when the last view goes does the bytes object's mapping disappear. A copy
# owns its own memory and lets the bytes go.
import numpy as np
blob = bytes(32 * 1024 * 1024)
a = np.frombuffer(blob, dtype=np.float64)
del blob
head = a[:1000]
del a
c = head.copy()
del head
