import datetime as dt
from collections import defaultdict
start = dt.datetime(2024, 1, 1, 8, 30)
events = []
for i in range(30000):
    t = start + dt.timedelta(minutes=7 * i)
    events.append({"ts": t, "user": f"u{i % 300}", "amount": (i * 37) % 1000 / 10})
by_day = defaultdict(float)
for e in events:
    by_day[e["ts"].date()] += e["amount"]
days = sorted(by_day)
print(len(days), days[0], days[-1], round(by_day[days[0]], 2))
print(events[5]["ts"].isoformat(), events[5]["ts"].strftime("%Y-%m-%d %H:%M"), events[5]["ts"].weekday())
delta = events[-1]["ts"] - events[0]["ts"]
print(delta, delta.total_seconds(), delta.days)
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __eq__(self, o): return (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __repr__(self): return f"Vec({self.x}, {self.y})"
pts = {Vec(i % 100, i // 100) * 2 for i in range(20000)}
print(len(pts), Vec(1, 2) + Vec(3, 4), 3 * Vec(1, 1))
class Seq:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return i * i
print(list(Seq(6)), sum(Seq(1000)), 25 in Seq(10))
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0: raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(5)), max(Countdown(100)))
