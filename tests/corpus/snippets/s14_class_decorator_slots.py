import functools


def auto_repr(cls):
    fields = cls.__slots__

    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in fields)
        return f"{cls.__name__}({inner})"

    cls.__repr__ = __repr__
    return cls


def validated(**checks):
    def deco(cls):
        init = cls.__init__

        @functools.wraps(init)
        def __init__(self, *args, **kwargs):
            init(self, *args, **kwargs)
            for name, check in checks.items():
                if not check(getattr(self, name)):
                    raise ValueError(f"bad {name}: {getattr(self, name)!r}")

        cls.__init__ = __init__
        return cls

    return deco


@auto_repr
@validated(price=lambda p: p >= 0, name=str.isidentifier)
class Product:
    __slots__ = ("name", "price", "stock")

    def __init__(self, name, price, stock=0):
        self.name = name
        self.price = price
        self.stock = stock


products = []
errors = 0
for i in range(40000):
    try:
        products.append(Product(f"p{i}" if i % 97 else f"{i}bad", (i % 50) - 1))
    except ValueError:
        errors += 1
print(len(products), errors, products[2])
print(Product.__init__.__name__, hasattr(products[0], "__dict__"))
expensive = [p for p in products if p.price > 40]
del products
print(len(expensive), expensive[-1])
