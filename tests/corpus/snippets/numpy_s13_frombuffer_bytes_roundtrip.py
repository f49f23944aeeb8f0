import numpy as np

arr = np.arange(2_000_000, dtype=np.int32)
raw = arr.tobytes()
print("raw bytes:", len(raw))
back = np.frombuffer(raw, dtype=np.int32)
print("readonly:", not back.flags.writeable, back[-1])
del arr
del raw
print("still readable via view:", int(back[123456]))
buf = bytearray(back.tobytes())
writable = np.frombuffer(buf, dtype=np.int32)
writable[:10] = -1
print("buf changed:", buf[:4] == b"\xff\xff\xff\xff")
del back
halves = np.frombuffer(buf, dtype=np.int16, count=1000, offset=8)
print(halves[:4])
del writable, halves
del buf
