import re
from collections import Counter

words = ["error", "timeout", "user", "login", "failed", "ok", "retry"]
text = "\n".join(f"2024-03-{d % 28 + 1:02d} {words[d % 7]} id={d} ip=10.0.{d % 255}.{d % 13}" for d in range(60000))

ip_re = re.compile(r"ip=(\d+\.\d+\.\d+\.\d+)")
ips = ip_re.findall(text)
print(len(ips), Counter(ips).most_common(2))

events = Counter(m.group(1) for m in re.finditer(r"\d{4}-\d\d-\d\d (\w+)", text))
print(events)
del text, ips
