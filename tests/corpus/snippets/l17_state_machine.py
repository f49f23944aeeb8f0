from enum import Enum, auto
from collections import Counter

class State(Enum):
    IDLE = auto()
    RUNNING = auto()
    PAUSED = auto()
    DONE = auto()

TRANSITIONS = {
    State.IDLE: {"start": State.RUNNING},
    State.RUNNING: {"pause": State.PAUSED, "finish": State.DONE},
    State.PAUSED: {"resume": State.RUNNING, "finish": State.DONE},
    State.DONE: {},
}

class InvalidTransition(Exception):
    def __init__(self, state, event):
        super().__init__(f"cannot {event} while {state.name}")
        self.state = state
        self.event = event

class Machine:
    def __init__(self):
        self.state = State.IDLE
        self.history = []

    def fire(self, event):
        try:
            nxt = TRANSITIONS[self.state][event]
        except KeyError:
            raise InvalidTransition(self.state, event) from None
        self.history.append((self.state, event, nxt))
        self.state = nxt

events = ["start", "pause", "resume", "pause", "finish", "start"] * 20_000
machines = []
errors = Counter()
m = Machine()
for ev in events:
    try:
        m.fire(ev)
    except InvalidTransition as e:
        errors[str(e)] += 1
        machines.append(m)
        m = Machine()
print(len(machines), errors.most_common(2))
print(sum(len(x.history) for x in machines), machines[0].history[-1][2])
del machines
