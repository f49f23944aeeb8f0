from operator import attrgetter, itemgetter


class Employee:
    def __init__(self, name, dept, salary, age):
        self.name = name
        self.dept = dept
        self.salary = salary
        self.age = age

    def __repr__(self):
        return f"Employee({self.name!r}, {self.dept!r}, {self.salary})"


depts = ["eng", "ops", "sales", "hr"]
staff = [Employee(f"e{i:05d}", depts[i % 4], 50000 + (i * 7919) % 90000, 20 + i % 45) for i in range(60000)]
by_dept_salary = sorted(staff, key=attrgetter("dept", "salary"))
print(by_dept_salary[0], by_dept_salary[-1])
staff.sort(key=attrgetter("age"))
staff.sort(key=attrgetter("dept"), reverse=True)
print(staff[0].dept, staff[0].age, staff[-1].dept, staff[-1].age)
rows = [(e.name, e.dept, e.salary) for e in staff]
rows.sort(key=itemgetter(2, 0))
print(rows[:2])
top = sorted(rows, key=lambda r: -r[2])[:3]
print(top)
print(min(staff, key=attrgetter("salary")).salary, max(rows, key=itemgetter(2))[2])
del staff, rows, by_dept_salary
