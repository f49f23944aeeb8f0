# Instance __dict__ key sharing: same attributes in __init__ vs attributes
# added later, in different orders, and what sys.getsizeof(vars(obj)) says.
import sys


class Tidy:
    def __init__(self, i):
        self.a = i
        self.b = str(i)
        self.c = [i]


class Messy:
    def __init__(self, i):
        if i % 2:
            self.a = i
            self.b = str(i)
        else:
            self.b = str(i)
            self.a = i


tidy = [Tidy(i) for i in range(40_000)]
print("tidy dict size:", sys.getsizeof(vars(tidy[0])), "copy:", sys.getsizeof(dict(vars(tidy[0]))))

messy = [Messy(i) for i in range(40_000)]
print("messy sizes:", sys.getsizeof(vars(messy[0])), sys.getsizeof(vars(messy[1])))

for i, obj in enumerate(tidy[:10_000]):
    obj.extra = i
print("after adding extra:", sys.getsizeof(vars(tidy[0])), sys.getsizeof(vars(tidy[20_000])))

for obj in tidy[:5_000]:
    del obj.b
print("after del attribute:", sys.getsizeof(vars(tidy[0])))

untouched = [Tidy(i) for i in range(20_000)]
print("fresh ones:", len(untouched), hasattr(untouched[0], "__dict__"))
del tidy, messy
del untouched
