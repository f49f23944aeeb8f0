import tempfile
from collections import defaultdict
from pathlib import Path

root = Path(tempfile.mkdtemp())
for pkg in ["core", "api", "utils", "models", "cli"]:
    src = root / "src" / pkg
    src.mkdir(parents=True)
    (src / "__init__.py").write_text("")
    for i in range(25):
        body = f"def f_{i}(x):\n    return x * {i}\n" * (i + 3)
        (src / f"mod_{i}.py").write_text(body)
    tests = root / "tests" / pkg
    tests.mkdir(parents=True, exist_ok=True)
    for i in range(5):
        (tests / f"test_mod_{i}.py").write_text("def test():\n    assert True\n" * 4)

modules = sorted(root.rglob("*.py"))
print(len(modules), len(list(root.glob("src/*/__init__.py"))))

by_pkg = defaultdict(list)
for m in modules:
    by_pkg[m.parent.name].append(m)
print({k: len(v) for k, v in sorted(by_pkg.items())})

lines = {m.relative_to(root).as_posix(): m.read_text().count("\n") for m in modules}
print(sum(lines.values()), max(lines.values()))
sizes = [m.stat().st_size for m in root.glob("src/core/*.py")]
print(len(sizes), sum(sizes))
test_files = [p for p in root.rglob("test_*.py")]
print(len(test_files))
del lines, modules, by_pkg
print(sum(1 for p in (root / "src").iterdir() if p.is_dir()))
