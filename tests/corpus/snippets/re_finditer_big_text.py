import re

words = ["alpha", "beta", "gamma", "delta", "error", "warning", "info"]
lines = [f"2024-01-{(i % 28) + 1:02d} {words[i % 7]} code={i * 37 % 1000} user=u{i % 500}" for i in range(60_000)]
text = "\n".join(lines)
del lines
print("text length:", len(text))

pattern = re.compile(r"(?P<level>error|warning) code=(?P<code>\d+)")
codes = {}
for m in pattern.finditer(text):
    codes.setdefault(m.group("level"), []).append(int(m.group("code")))
print({k: len(v) for k, v in codes.items()})

spans = [m.span() for m in re.finditer(r"user=u4\d\d\b", text)]
print("spans:", len(spans), spans[:2])

users = re.findall(r"user=(u\d+)", text)
print("distinct users", len(set(users)))

redacted = re.sub(r"code=\d+", "code=***", text)
print("redacted length", len(redacted))

parts = re.split(r"\n", text, maxsplit=5)
print(len(parts), parts[0])
del text, redacted, users, spans
