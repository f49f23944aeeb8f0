class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)

class Trade:
    symbol = Typed(str)
    qty = Typed(int)
    price = Typed(float)
    def __init__(self, symbol, qty, price):
        self.symbol, self.qty, self.price = symbol, qty, price

trades = [Trade(f"S{i % 30}", i % 100, i * 0.01) for i in range(40000)]
print(len(trades), trades[7].symbol, vars(trades[7]))
try:
    Trade("X", "ten", 1.0)
except TypeError as e:
    print(e)
print(type(Trade.__dict__["qty"]).__name__, Trade.qty.name)
notional = sum(t.qty * t.price for t in trades)
print(round(notional, 2))
del trades
print("freed")
