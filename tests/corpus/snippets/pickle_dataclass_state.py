# Dataclasses and a class that drops a field when pickled (__getstate__/__setstate__).
import pickle
from dataclasses import dataclass, field

@dataclass
class Order:
    order_id: int
    items: list = field(default_factory=list)
    total: float = 0.0

class Session:
    def __init__(self, user):
        self.user = user
        self.cache = {i: str(i) * 10 for i in range(100)}

    def __getstate__(self):
        state = self.__dict__.copy()
        del state["cache"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = {}

orders = [Order(i, [i, i + 1], i * 1.5) for i in range(20000)]
data = pickle.dumps(orders, protocol=pickle.HIGHEST_PROTOCOL)
back = pickle.loads(data)
print(len(data), back[5], back == orders)

sessions = [Session(f"u{i}") for i in range(500)]
saved = pickle.dumps(sessions)
loaded = pickle.loads(saved)
print(len(saved), loaded[0].user, len(loaded[0].cache), len(sessions[0].cache))
del orders, back, sessions, loaded
