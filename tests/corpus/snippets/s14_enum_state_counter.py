from collections import Counter
from enum import Enum, auto
import random


class State(Enum):
    NEW = auto()
    PAID = auto()
    SHIPPED = auto()
    CANCELLED = auto()

    @property
    def final(self):
        return self in (State.SHIPPED, State.CANCELLED)


TRANSITIONS = {
    State.NEW: [State.PAID, State.CANCELLED],
    State.PAID: [State.SHIPPED, State.CANCELLED],
}

random.seed(42)
orders = {i: State.NEW for i in range(40000)}
history = []
for _ in range(3):
    for oid, st in orders.items():
        if not st.final:
            nxt = random.choice(TRANSITIONS[st])
            orders[oid] = nxt
            history.append((oid, st.name, nxt.name))

counts = Counter(orders.values())
print([(s.name, n) for s, n in counts.most_common()])
print("history:", len(history), history[:2])
del history
print(State["PAID"], State(3), len(orders))
