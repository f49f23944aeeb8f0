# sample-9's misses, as python3.11 behaves: os/io SEEK_* with seek() of a binary file, and instances
# pickled below protocol 2 (copyreg._reduce_ex: copy_reg._reconstructor, __builtin__.object)
import io
import os
import pickle
import tempfile

with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "x.bin")
    with open(p, "wb") as f:
        f.write(b"0123456789" * 10)
    with open(p, "rb") as f:
        print(f.seek(-5, os.SEEK_END), f.read(), f.seek(3, io.SEEK_SET), f.seek(2, os.SEEK_CUR), f.read(3))
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)


class A:
    def __init__(self, x):
        self.x = x


class Empty:
    pass


class Slotted:
    __slots__ = ("a",)


class SlottedState:
    __slots__ = ("a",)

    def __init__(self):
        self.a = 5

    def __getstate__(self):
        return {"a": self.a}


class Falsy:
    def __getstate__(self):
        return {}


for proto in (0, 1):
    print(proto, pickle.dumps(A(1), proto))
    print(proto, pickle.dumps(Empty(), proto))
    print(proto, pickle.dumps([A(1), A([2, "s"]), Empty()], proto))
    shared = A(3)
    print(proto, pickle.dumps([shared, shared, {"k": shared}], proto))
    print(proto, pickle.dumps(SlottedState(), proto), pickle.dumps(Falsy(), proto))
    try:
        pickle.dumps(Slotted(), proto)
    except TypeError as exc:
        print(proto, "TypeError:", exc)
    print(proto, len(pickle.dumps([A(i) for i in range(300)], proto)))
