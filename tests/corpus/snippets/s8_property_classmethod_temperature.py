class Temperature:
    _instances = 0

    def __init__(self, celsius=0.0):
        self.celsius = celsius
        Temperature._instances += 1

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if not self.is_valid(value):
            raise ValueError(f"below absolute zero: {value}")
        self._celsius = float(value)

    @celsius.deleter
    def celsius(self):
        del self._celsius

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, value):
        self.celsius = (value - 32) * 5 / 9

    @classmethod
    def from_fahrenheit(cls, f):
        t = cls()
        t.fahrenheit = f
        return t

    @classmethod
    def count(cls):
        return cls._instances

    @staticmethod
    def is_valid(value):
        return value >= -273.15

    def __repr__(self):
        return f"{type(self).__name__}({self.celsius:.2f})"


readings = [Temperature.from_fahrenheit(f) for f in range(-400, 40000)]
print(len(readings), Temperature.count(), readings[500], readings[0].fahrenheit)
try:
    Temperature(-300)
except ValueError as e:
    print("ValueError:", e)
t = Temperature(21.5)
del t.celsius
print(hasattr(t, "_celsius"), Temperature.is_valid(-10), type(Temperature.__dict__["count"]).__name__)
print(Temperature.celsius.fget.__name__, isinstance(Temperature.fahrenheit, property))
hot = [r for r in readings if r.celsius > 100]
del readings
print(len(hot), hot[-1])
