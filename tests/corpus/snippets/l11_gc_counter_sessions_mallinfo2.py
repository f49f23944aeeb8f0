import gc
from collections import Counter
import ctypes

class Session:
    def __init__(self, uid):
        self.uid = uid
        self.cache = {i: str(i) * 5 for i in range(50)}

before = Counter(type(o).__name__ for o in gc.get_objects())
sessions = [Session(i) for i in range(3000)]
after = Counter(type(o).__name__ for o in gc.get_objects())
print((after - before).most_common(3))
print(len(gc.get_objects()), gc.get_count())
libc = ctypes.CDLL("libc.so.6")
class MallInfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]
libc.mallinfo2.restype = MallInfo2
del sessions
mi = libc.mallinfo2()
print(mi.arena > 0, mi.fordblks > mi.keepcost)
