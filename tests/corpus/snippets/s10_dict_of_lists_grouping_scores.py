import random

random.seed(21)
students = [f"s{i:04d}" for i in range(3000)]
subjects = ["math", "physics", "chem", "bio", "art"]
grades = {}
for _ in range(150000):
    name = random.choice(students)
    subj = random.choice(subjects)
    grades.setdefault(name, {}).setdefault(subj, []).append(random.randint(40, 100))

print(len(grades), sum(len(v) for v in grades.values()))
averages = {
    name: {s: round(sum(v) / len(v), 1) for s, v in subjects_.items()}
    for name, subjects_ in grades.items()
}
best = max(averages, key=lambda n: sum(averages[n].values()) / len(averages[n]))
print(best, averages[best])
per_subject = {}
for name, subs in grades.items():
    for s, marks in subs.items():
        per_subject.setdefault(s, []).extend(marks)
print({s: len(m) for s, m in sorted(per_subject.items())})
del grades
print(len(averages))
del per_subject, averages
