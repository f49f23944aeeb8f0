class Model:
    registry = {}
    fields = ()

    def __init_subclass__(cls, table=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.table = table or cls.__name__.lower() + "s"
        inherited = tuple(f for base in cls.__mro__[1:] for f in getattr(base, "fields", ()))
        own = tuple(k for k, v in cls.__dict__.items() if isinstance(v, type) and not k.startswith("_"))
        cls.fields = inherited + own
        Model.registry[cls.table] = cls

    def __init__(self, **values):
        for name in self.fields:
            kind = getattr(type(self), name)
            setattr(self, name, kind(values.get(name, kind())))

    def __class_getitem__(cls, item):
        return Model.registry[item]


class User(Model, table="people"):
    name = str
    age = int


class Admin(User):
    level = int


print(sorted(Model.registry), Admin.fields, Model["people"] is User)
users = [User(name=f"u{i}", age=str(i % 90)) for i in range(40000)]
admins = [Admin(name=f"a{i}", level=i % 3) for i in range(10000)]
print(users[5].age + 1, admins[2].level, admins[2].age, vars(admins[0]))
del users
print(len(admins))
