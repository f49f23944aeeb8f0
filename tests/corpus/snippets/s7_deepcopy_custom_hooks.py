import copy


class Connection:
    def __init__(self, dsn):
        self.dsn = dsn
        self.buffer = bytearray(50000)

    def __deepcopy__(self, memo):
        return self


class Settings:
    def __init__(self, name):
        self.name = name
        self.options = {"retries": 3, "hosts": [f"h{i}" for i in range(50)]}
        self.conn = Connection("db://" + name)

    def __copy__(self):
        new = Settings.__new__(Settings)
        new.__dict__.update(self.__dict__)
        new.name = self.name + "-copy"
        return new


base = [Settings(f"svc{i}") for i in range(200)]
deep = copy.deepcopy(base)
print(deep[0].conn is base[0].conn, deep[0].options is base[0].options)
print(deep[3].options["hosts"][:2] == base[3].options["hosts"][:2])
shallow = [copy.copy(s) for s in base]
print(shallow[0].name, shallow[0].options is base[0].options)
deep[0].options["hosts"].append("extra")
print(len(base[0].options["hosts"]), len(deep[0].options["hosts"]))
snapshots = [copy.deepcopy(base[i].options) for i in range(200) for _ in range(5)]
print(len(snapshots))
del deep, shallow, snapshots
