import pickle

class Connection:
    def __init__(self, host, port):
        self.host = host
        self.port = port
        self.buffer = bytearray(4096)
        self.history = [f"{host}:{port}/req{i}" for i in range(20)]

    def __getstate__(self):
        state = self.__dict__.copy()
        del state["buffer"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.buffer = bytearray(1024)

    def __repr__(self):
        return f"Connection({self.host!r}, {self.port})"

conns = [Connection(f"10.0.{i // 256}.{i % 256}", 8000 + i % 100) for i in range(3000)]
data = pickle.dumps(conns, protocol=pickle.HIGHEST_PROTOCOL)
print(len(data), pickle.HIGHEST_PROTOCOL)

restored = pickle.loads(data)
print(restored[5], len(restored[5].buffer), restored[5].history[-1])
print(len(pickle.dumps(conns[0], protocol=0)), len(pickle.dumps(conns[0], protocol=2)))
del conns
same = pickle.loads(pickle.dumps([restored[0], restored[0]]))
print(same[0] is same[1])
try:
    pickle.dumps(lambda x: x)
except (pickle.PicklingError, AttributeError) as e:
    print(type(e).__name__)
del restored, data
