# A file-size tree rendered with a custom __format__: each directory formats its entries with
# format(child, spec), so rendering recurses through format() -> __format__.
class Entry:
    def __init__(self, name, size=0):
        self.name = name
        self.size = size
        self.entries = []

    def total(self):
        return self.size + sum(e.total() for e in self.entries)

    def __format__(self, spec):
        width = int(spec) if spec else 0
        lines = [f"{self.name:<{width}} {self.total():>10,}"]
        for e in self.entries:
            lines.append(format(e, str(width + 2)))
        return "\n".join(lines)


root = Entry("/")
for d in range(30):
    sub = Entry(f"dir{d}")
    root.entries.append(sub)
    for f in range(40):
        sub.entries.append(Entry(f"file{d}_{f}.dat", size=f * 1024))
report = format(root, "8")
print(report.count("\n"), len(report))

chain = root
for level in range(300):
    nxt = Entry(f"nested{level}", size=level)
    chain.entries.append(nxt)
    chain = nxt
report = format(root, "")
print(report.count("\n"))
del report, root, chain
