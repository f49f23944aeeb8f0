from operator import attrgetter, itemgetter


class Employee:
    def __init__(self, name, dept, salary, age):
        self.name = name
        self.dept = dept
        self.salary = salary
        self.age = age

    def __repr__(self):
        return f"Employee({self.name!r}, {self.dept!r}, {self.salary}, {self.age})"


depts = ["eng", "ops", "sales", "hr"]
staff = [Employee(f"emp{i:05d}", depts[i % 4], 40_000 + (i * 7919) % 90_000, 20 + i % 45) for i in range(80_000)]
records = [(e.name, e.dept, e.salary) for e in staff]

by_salary = sorted(staff, key=attrgetter("salary"), reverse=True)
print(by_salary[:2])

by_dept_then_age = sorted(staff, key=attrgetter("dept", "age"))
records.sort(key=itemgetter(2, 0))
print(records[:2])

staff.sort(key=lambda e: (-e.age, e.name))
del by_salary, by_dept_then_age
print(staff[0])
