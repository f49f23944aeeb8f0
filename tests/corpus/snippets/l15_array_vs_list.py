import array, sys, struct
n = 300000
lst = [float(i) for i in range(n)]
arr = array.array("d", lst)
print(sys.getsizeof(lst), sys.getsizeof(arr), arr.itemsize)
mv = memoryview(arr)
half = mv[: n // 2]
print(len(half), half[10], mv.nbytes)
raw = arr.tobytes()
back = array.array("d")
back.frombytes(raw)
print(back[-1], len(raw))
packed = struct.pack(f"{1000}d", *lst[:1000])
print(len(packed))
del lst
half.release()
mv.release()
del arr, raw, back
