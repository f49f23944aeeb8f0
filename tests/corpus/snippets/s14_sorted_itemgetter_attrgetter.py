from operator import itemgetter, attrgetter


class Employee:
    __slots__ = ("name", "dept", "salary", "age")

    def __init__(self, name, dept, salary, age):
        self.name = name
        self.dept = dept
        self.salary = salary
        self.age = age

    def __repr__(self):
        return f"Employee({self.name!r}, {self.dept!r}, {self.salary})"


rows = [(f"emp{i}", f"d{i % 13}", (i * 7919) % 100000, 20 + i % 45) for i in range(60000)]
by_salary = sorted(rows, key=itemgetter(2), reverse=True)
print(by_salary[:2])

staff = [Employee(*r) for r in rows]
ordered = sorted(staff, key=attrgetter("dept", "age"))
print(ordered[0], ordered[-1])

staff.sort(key=lambda e: (-e.salary, e.name))
print(staff[:2])

youngest = min(staff, key=attrgetter("age"))
print(youngest.age, max(rows, key=itemgetter(3))[3])
del rows, by_salary, ordered
staff.clear()
print("cleared")
