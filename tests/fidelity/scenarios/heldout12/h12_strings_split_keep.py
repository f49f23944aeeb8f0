# title: A big text split into lines; keep the lines that match
#
# Held-out (issue 9): read-a-log-into-memory. Build a 10 MB text, split it,
# keep the error lines, drop the rest.
lines = []
for i in range(150000):
    level = "ERROR" if i % 50 == 0 else "INFO"
    lines.append(f"2026-12-06 12:{i % 60:02d}:{i % 60:02d} {level} request {i} took {i % 997} ms")
text = "\n".join(lines)
del lines
parts = text.split("\n")
errors = [p for p in parts if " ERROR " in p]
del parts
del text
n = len(errors)
