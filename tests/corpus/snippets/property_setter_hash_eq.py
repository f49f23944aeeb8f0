class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @staticmethod
    def from_fahrenheit(f):
        return Temperature((f - 32) * 5 / 9)

    def __eq__(self, other):
        return isinstance(other, Temperature) and self._celsius == other._celsius

    def __hash__(self):
        return hash(round(self._celsius, 6))

    def __repr__(self):
        return f"Temperature({self._celsius:.1f})"


readings = [Temperature((i % 600) / 10 - 20) for i in range(100_000)]
distinct = set(readings)
print(len(distinct), readings[5].fahrenheit)

try:
    readings[0].celsius = -300
except ValueError as e:
    print("rejected:", e)

converted = [Temperature.from_fahrenheit(f) for f in range(-40, 212)]
print(converted[0], Temperature(-40) == converted[0])
del readings
print(len(distinct))
