import pickle


class Order:
    def __init__(self, oid, items, note):
        self.oid = oid
        self.items = items
        self.note = note
        self._cache = {"computed": sum(items)}

    def __getstate__(self):
        state = self.__dict__.copy()
        del state["_cache"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._cache = {"computed": sum(self.items)}

    def __repr__(self):
        return f"Order({self.oid}, n={len(self.items)})"


orders = [Order(i, list(range(i % 50)), "note " * (i % 4)) for i in range(20000)]
data = pickle.dumps(orders, protocol=pickle.HIGHEST_PROTOCOL)
print(len(data))
back = pickle.loads(data)
print(back[49], back[49]._cache, back[49].items[-1])
old = pickle.dumps(orders[:2000], protocol=0)
print(len(old), pickle.loads(old)[-1])
del orders
del data, old
print(sum(o._cache["computed"] for o in back))
del back
