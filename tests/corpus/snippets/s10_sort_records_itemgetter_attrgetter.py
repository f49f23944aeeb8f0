from operator import itemgetter, attrgetter
from dataclasses import dataclass
import random

random.seed(11)
depts = ["eng", "ops", "sales", "hr"]
rows = [
    {"name": f"emp{i:05d}", "dept": random.choice(depts), "age": random.randint(20, 65), "salary": random.randint(30, 200) * 1000}
    for i in range(40000)
]
by_dept_salary = sorted(rows, key=itemgetter("dept", "salary"))
print(by_dept_salary[0]["dept"], by_dept_salary[-1]["dept"])
rows.sort(key=itemgetter("age"), reverse=True)
rows.sort(key=itemgetter("dept"))
print([ (r["dept"], r["age"]) for r in rows[:3]])

@dataclass
class Emp:
    name: str
    dept: str
    age: int
    salary: int

emps = [Emp(**r) for r in rows]
del rows
emps.sort(key=attrgetter("dept", "age", "name"))
print(emps[0], emps[-1].dept)
top = sorted(emps, key=lambda e: (-e.salary, e.name))[:5]
print([e.name for e in top])
get = attrgetter("name", "salary")
print(get(emps[10]))
del emps, by_dept_salary
