import sys, os, tempfile, csv, hashlib, uuid, base64, shutil, time, typing, enum, dataclasses, operator, functools, array, struct
from typing import Protocol, Generic, TypeVar
T = TypeVar("T")
class Stack(Generic[T]):
    def __init__(self) -> None: self.items: list[T] = []
    def push(self, x: T) -> None: self.items.append(x)
class Sized(Protocol):
    def __len__(self) -> int: ...
class Color(enum.IntEnum):
    RED = 1; GREEN = enum.auto()
class Mode(enum.StrEnum):
    READ = enum.auto()
print(Color.GREEN, repr(Color.GREEN), Mode.READ, list(Color))
@dataclasses.dataclass(frozen=True, order=True)
class Pt:
    x: int
    y: int = 0
p = Pt(1, 2); print(dataclasses.asdict(p), dataclasses.replace(p, y=5), sorted([Pt(2), Pt(1, 9)]))
try: p.x = 3
except dataclasses.FrozenInstanceError as e: print(type(e).__name__, e)
class Report:
    def __init__(self, rows): self.rows = rows
    @functools.cached_property
    def total(self): print("computing"); return sum(self.rows)
r = Report(list(range(100))); print(r.total, r.total)
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "rows.csv")
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["id", "name"])
        w.writeheader()
        for i in range(1000): w.writerow({"id": i, "name": f"n{i}"})
    print(os.path.getsize(path), os.path.exists(path))
    with open(path) as f:
        rows = list(csv.DictReader(f))
    print(len(rows), rows[1])
    shutil.copy(path, path + ".bak"); print(sorted(os.listdir(d)))
print(hashlib.sha256(b"abc").hexdigest()[:16], hashlib.md5(b"x").hexdigest())
print(len(str(uuid.uuid4())), base64.b64encode(b"memory").decode(), base64.b64decode("bWVtb3J5"))
a = array.array("d", range(1000)); print(a.itemsize, len(a), sys.getsizeof(a), a.buffer_info()[1])
print(struct.calcsize("<iqd"), struct.pack("<ih", 1, 2).hex())
print(sorted([("b", 2), ("a", 3)], key=operator.itemgetter(1)), operator.attrgetter("x")(p))
t0 = time.perf_counter(); s = sum(range(10**5)); print(s, time.perf_counter() - t0 >= 0)
print(os.environ.get("HOME") is not None, os.getpid() > 0, os.sep, os.path.splitext("a/b.txt"))
print("abc".translate(str.maketrans("ab", "xy")), b"\x00\xff".hex(), bytes.fromhex("dead"))
