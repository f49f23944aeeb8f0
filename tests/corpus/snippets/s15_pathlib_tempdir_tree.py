import tempfile
from pathlib import Path

root = Path(tempfile.mkdtemp(prefix="hw_"))
for d in range(10):
    sub = root / f"dir{d}" / "nested"
    sub.mkdir(parents=True, exist_ok=True)
    for f in range(20):
        (sub / f"file{f}.txt").write_text(f"{d}-{f}\n" * (f + 1) * 50)
    (root / f"dir{d}" / "notes.md").write_text("# notes\n" * d)

txt = sorted(root.rglob("*.txt"))
print(len(txt), txt[0].relative_to(root), txt[0].suffix, txt[0].stem)
sizes = {p.name: p.stat().st_size for p in txt}
print(max(sizes.values()), sum(sizes.values()))
md = list(root.glob("*/notes.md"))
print(len(md), md[0].parent.name != "", sorted(p.read_text().count("\n") for p in md)[:4])
contents = [p.read_text() for p in txt]
print(sum(len(c) for c in contents))
del contents
for p in txt:
    p.unlink()
for p in md:
    p.unlink()
print(sum(1 for _ in root.rglob("*")))
del txt, sizes
