import random
from operator import itemgetter, attrgetter

random.seed(9)


class Employee:
    def __init__(self, name, dept, salary):
        self.name = name
        self.dept = dept
        self.salary = salary


records = [(f"n{i}", random.randint(0, 50), random.random()) for i in range(120000)]
records.sort(key=itemgetter(1, 2))
print(records[0][1], records[-1][1])
by_name = sorted(records, key=lambda r: r[0])
print(by_name[:2])
staff = [Employee(f"e{i}", i % 12, (i * 7919) % 100000) for i in range(80000)]
staff.sort(key=attrgetter("dept", "salary"), reverse=True)
print(staff[0].dept, staff[0].salary)
words = [f"w{(i * 31) % 9973}" for i in range(100000)]
words.sort(key=len)
words.sort(key=str.lower)
print(words[:3])
del by_name
del staff
