from enum import Enum, auto


class State(Enum):
    IDLE = auto()
    CONNECTING = auto()
    CONNECTED = auto()
    CLOSING = auto()
    CLOSED = auto()


class Event(Enum):
    DIAL = "dial"
    ACK = "ack"
    HANGUP = "hangup"
    TIMEOUT = "timeout"
    RESET = "reset"


TRANSITIONS = {
    (State.IDLE, Event.DIAL): State.CONNECTING,
    (State.CONNECTING, Event.ACK): State.CONNECTED,
    (State.CONNECTING, Event.TIMEOUT): State.CLOSED,
    (State.CONNECTED, Event.HANGUP): State.CLOSING,
    (State.CLOSING, Event.ACK): State.CLOSED,
    (State.CLOSED, Event.RESET): State.IDLE,
}


class Connection:
    def __init__(self, cid):
        self.cid = cid
        self.state = State.IDLE
        self.log = []

    def handle(self, event):
        new = TRANSITIONS.get((self.state, event))
        if new is None:
            self.log.append(f"ignored {event.value} in {self.state.name}")
            return False
        self.log.append(f"{self.state.name}->{new.name}")
        self.state = new
        return True


script = [Event.DIAL, Event.ACK, Event.HANGUP, Event.ACK, Event.RESET, Event.ACK, Event.DIAL, Event.TIMEOUT]
conns = [Connection(i) for i in range(3000)]
for c in conns:
    for ev in script[: 3 + c.cid % 6]:
        c.handle(ev)

counts = {}
for c in conns:
    counts[c.state] = counts.get(c.state, 0) + 1
for state in State:
    print(f"{state.name:<11}{state.value:>2}{counts.get(state, 0):>6}")
print(conns[5].log)
print(State["CLOSED"], Event("ack"), State.CLOSED in {State.CLOSED})
del conns
