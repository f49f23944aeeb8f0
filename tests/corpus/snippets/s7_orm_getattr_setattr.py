class Field:
    def __init__(self, kind, default=None):
        self.kind = kind
        self.default = default


class Model:
    _fields = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._fields = {k: v for k, v in vars(cls).items() if isinstance(v, Field)}
        for k in cls._fields:
            delattr(cls, k)

    def __init__(self, **values):
        object.__setattr__(self, "_data", {})
        object.__setattr__(self, "_dirty", set())
        for name, field in self._fields.items():
            self._data[name] = values.get(name, field.default)

    def __getattr__(self, name):
        try:
            return self._data[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}") from None

    def __setattr__(self, name, value):
        if name not in self._fields:
            raise AttributeError(f"unknown field {name!r}")
        field = self._fields[name]
        if not isinstance(value, field.kind):
            raise TypeError(f"{name} must be {field.kind.__name__}, got {type(value).__name__}")
        self._data[name] = value
        self._dirty.add(name)

    def __repr__(self):
        inner = ", ".join(f"{k}={v!r}" for k, v in self._data.items())
        return f"{type(self).__name__}({inner})"


class User(Model):
    name = Field(str, "")
    age = Field(int, 0)
    email = Field(str, None)


users = [User(name=f"user{i}", age=i % 90, email=f"u{i}@example.org") for i in range(20000)]
print(users[5], User._fields.keys())
for u in users[::2]:
    u.age = u.age + 1
print(sum(len(u._dirty) for u in users))
try:
    users[0].age = "old"
except TypeError as e:
    print(e)
try:
    users[0].nickname
except AttributeError as e:
    print(e)
del users
