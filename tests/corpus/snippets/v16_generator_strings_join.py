def lines(n):
    for i in range(n):
        yield f"{i},{i * i},{'ok' if i % 2 else 'fail'}\n"


def fields(it):
    for line in it:
        yield line.rstrip("\n").split(",")


report = "".join(lines(150000))
print(len(report))
rows = list(fields(report.splitlines(keepends=True)))
print(len(rows), rows[10])
fails = [r for r in rows if r[2] == "fail"]
print(len(fails))
del rows
summary = "\n".join(",".join(r) for r in fails[:5000])
print(len(summary))
del report, fails, summary
