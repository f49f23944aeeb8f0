from typing import NamedTuple, Optional


class Employee(NamedTuple):
    name: str
    dept: str
    salary: int
    manager: Optional[str] = None
    remote: bool = False


staff = [
    Employee(f"emp{i:05d}", ["eng", "ops", "sales", "hr"][i % 4], 40_000 + (i * 37) % 60_000,
             remote=(i % 3 == 0))
    for i in range(50_000)
]
print(staff[0])
print(staff[0]._fields, Employee._field_defaults)

raised = [e._replace(salary=e.salary * 11 // 10) for e in staff if e.dept == "eng"]
print(len(raised), raised[0].salary)

by_dept = {}
for e in staff:
    by_dept.setdefault(e.dept, []).append(e.salary)
for dept, pays in sorted(by_dept.items()):
    print(f"{dept:6} n={len(pays):6} avg={sum(pays) / len(pays):10.1f}")

row = staff[42]._asdict()
print(row)
name, dept, *rest = staff[42]
print(name, dept, rest)
del staff, raised
