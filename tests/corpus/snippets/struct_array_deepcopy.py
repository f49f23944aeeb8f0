import sys, io, struct, array, copy
buf = io.BytesIO()
for i in range(100000):
    buf.write(struct.pack("<id", i, i / 3))
raw = buf.getvalue()
print(len(raw))
arr = array.array("d", (struct.unpack_from("<id", raw, k * 12)[1] for k in range(100000)))
print(arr.itemsize * len(arr), sys.getsizeof(arr))
cfg = {"layers": [{"w": [0.0] * 100, "name": f"l{i}"} for i in range(1000)]}
snap = copy.deepcopy(cfg)
shallow = copy.copy(cfg)
print(snap["layers"][5]["name"], shallow["layers"] is cfg["layers"])
del raw, buf, cfg
