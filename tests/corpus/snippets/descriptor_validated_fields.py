class Validated:
    """A data descriptor that checks values on assignment."""

    def __set_name__(self, owner, name):
        self.public = name
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private)

    def __set__(self, obj, value):
        self.validate(value)
        setattr(obj, self.private, value)

    def validate(self, value):
        pass


class Positive(Validated):
    def validate(self, value):
        if not isinstance(value, (int, float)) or value <= 0:
            raise ValueError(f"{self.public} must be positive, got {value!r}")


class NonEmpty(Validated):
    def validate(self, value):
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{self.public} must be a non-empty string")


class Product:
    name = NonEmpty()
    price = Positive()
    stock = Positive()

    def __init__(self, name, price, stock):
        self.name = name
        self.price = price
        self.stock = stock

    def __repr__(self):
        return f"Product({self.name!r}, {self.price}, {self.stock})"


products = [Product(f"widget-{i}", 1 + i % 50, 1 + i % 9) for i in range(40_000)]
print(products[:2], len(products))
print("value:", sum(p.price * p.stock for p in products))
print(vars(products[0]))
errors = 0
for bad in [("", 1, 1), ("x", -5, 1), ("y", 2, 0)]:
    try:
        Product(*bad)
    except ValueError as e:
        errors += 1
        print("rejected:", e)
print(Product.price.public, errors)
del products
