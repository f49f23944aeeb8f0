class Base:
    registry = []

    def __init__(self, name):
        self.name = name
        Base.registry.append(self)

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"


class Child(Base):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra


class GrandChild(Child):
    @property
    def label(self):
        return self.name.upper()

    @staticmethod
    def make(i):
        return GrandChild(str(i), [i] * 10)


objs = [GrandChild.make(i) for i in range(2000)]
Base.registry.clear()
del objs
