import weakref


class CarModel:
    """Flyweight: one CarModel per model name, shared by every Car."""

    _models = weakref.WeakValueDictionary()

    def __new__(cls, name, *args, **kwargs):
        model = cls._models.get(name)
        if model is None:
            model = super().__new__(cls)
            cls._models[name] = model
        return model

    def __init__(self, name, air=False, tilt=False, cruise=False):
        if not hasattr(self, "initted"):
            self.name = name
            self.air = air
            self.tilt = tilt
            self.cruise = cruise
            self.initted = True

    def check_serial(self, serial):
        return serial % 7 == 0


class Car:
    __slots__ = ("model", "color", "serial")

    def __init__(self, model, color, serial):
        self.model = model
        self.color = color
        self.serial = serial


names = ["FitLX", "FitDX", "Civic", "Accord", "CRV"]
colors = ["red", "blue", "black", "white"]
cars = []
for serial in range(80_000):
    model = CarModel(names[serial % len(names)], air=True, cruise=serial % 2 == 0)
    cars.append(Car(model, colors[serial % 4], serial))

print("cars:", len(cars), "models:", len(CarModel._models))
print("lucky:", sum(c.model.check_serial(c.serial) for c in cars))

del cars
print("models left:", len(CarModel._models))
