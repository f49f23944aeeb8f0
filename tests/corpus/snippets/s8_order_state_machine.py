from enum import Enum


class State(Enum):
    NEW = "new"
    PAID = "paid"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


TRANSITIONS = {
    State.NEW: {"pay": State.PAID, "cancel": State.CANCELLED},
    State.PAID: {"ship": State.SHIPPED, "cancel": State.CANCELLED},
    State.SHIPPED: {"deliver": State.DELIVERED},
}


class InvalidTransition(Exception):
    pass


class Order:
    def __init__(self, oid):
        self.oid = oid
        self.state = State.NEW
        self.history = [State.NEW]

    def fire(self, event):
        try:
            self.state = TRANSITIONS[self.state][event]
        except KeyError:
            raise InvalidTransition(f"{self.oid}: cannot {event} when {self.state.value}") from None
        self.history.append(self.state)


orders = [Order(i) for i in range(50000)]
errors = 0
script = ["pay", "ship", "deliver"]
for o in orders:
    for ev in (["cancel"] if o.oid % 10 == 0 else script[: 1 + o.oid % 3]):
        o.fire(ev)
    try:
        o.fire("ship" if o.oid % 7 else "pay")
    except InvalidTransition as e:
        errors += 1
        last = e
counts = {}
for o in orders:
    counts[o.state.name] = counts.get(o.state.name, 0) + 1
print(errors, last)
print(sorted(counts.items()))
print(State("paid"), State["SHIPPED"].value, list(State)[:2])
done = [o for o in orders if o.state is State.DELIVERED]
del orders
print(len(done), len(done[0].history))
