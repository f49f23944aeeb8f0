class Temperature:
    def __init__(self, celsius):
        self._celsius = celsius

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    def __repr__(self):
        return f"Temperature({self._celsius!r})"


readings = [Temperature(i % 40) for i in range(250000)]
text = ", ".join(repr(t) for t in readings[:1000])
hot = [t.fahrenheit for t in readings if t.fahrenheit > 100]
print(len(hot), text[:40])
del readings
