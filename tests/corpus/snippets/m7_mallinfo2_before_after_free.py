# How much does glibc hold before and after freeing? Ask it directly with mallinfo2().
import ctypes


class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                 "fsmblks", "uordblks", "fordblks", "keepcost")]


libc = ctypes.CDLL("libc.so.6")
libc.mallinfo2.restype = MallInfo2


def report(label):
    mi = libc.mallinfo2()
    print(f"{label:>12}: heap {mi.arena / 2**20:6.2f} MiB, in use {mi.uordblks / 2**20:6.2f} MiB, "
          f"free {mi.fordblks / 2**20:6.2f} MiB, mmapped {mi.hblkhd / 2**20:6.2f} MiB in {mi.hblks} chunks")


report("start")
rows = [{"id": i, "name": f"row-{i}", "score": i * 0.5} for i in range(50000)]
blobs = [bytearray(4096) for _ in range(300)]
report("allocated")
del rows
report("rows freed")
del blobs
report("blobs freed")
libc.malloc_trim(0)
report("trimmed")
