# title: Packing records with struct, hex dumps and memoryview slices
import struct

records = [struct.pack("<iid", i, i * 2, i / 3) for i in range(100000)]
blob = b"".join(records)
view = memoryview(blob)
firsts = [bytes(view[i * 16 : i * 16 + 4]) for i in range(0, 100000, 10)]
hexed = blob[:200000].hex()
view.release()
del records, firsts
del blob, hexed
