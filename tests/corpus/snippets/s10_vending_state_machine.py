from enum import Enum


class State(Enum):
    IDLE = "idle"
    PAYING = "paying"
    VENDING = "vending"
    ERROR = "error"


TRANSITIONS = {
    (State.IDLE, "coin"): State.PAYING,
    (State.PAYING, "coin"): State.PAYING,
    (State.PAYING, "select"): State.VENDING,
    (State.PAYING, "refund"): State.IDLE,
    (State.VENDING, "done"): State.IDLE,
}


class Machine:
    def __init__(self):
        self.state = State.IDLE
        self.history = []
        self.credit = 0

    def fire(self, event):
        nxt = TRANSITIONS.get((self.state, event))
        if nxt is None:
            self.history.append((self.state, event, State.ERROR))
            return False
        if event == "coin":
            self.credit += 25
        elif event in ("done", "refund"):
            self.credit = 0
        self.history.append((self.state, event, nxt))
        self.state = nxt
        return True


events = ["coin", "coin", "select", "done", "select", "coin", "refund", "done"]
m = Machine()
ok = sum(m.fire(events[i % len(events)]) for i in range(100000))
print(ok, len(m.history), m.state, m.credit)
errors = [h for h in m.history if h[2] is State.ERROR]
print(len(errors), errors[0])
print(State("paying"), State.VENDING.value, [s.name for s in State])
m.history.clear()
print(len(m.history))
del errors
