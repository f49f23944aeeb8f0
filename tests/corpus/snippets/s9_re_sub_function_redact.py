import re

EMAIL = re.compile(r"(?P<user>[\w.]+)@(?P<domain>[\w.]+\.\w+)")
CARD = re.compile(r"\b(\d{4})[ -]?(\d{4})[ -]?(\d{4})[ -]?(\d{4})\b")

lines = [f"user{i} <name.{i}@example{i % 5}.com> paid with 4111 1111 1111 {i % 10000:04d} on order {i}"
         for i in range(30000)]
seen_domains = {}


def mask_email(m):
    seen_domains[m["domain"]] = seen_domains.get(m["domain"], 0) + 1
    return m["user"][0] + "***@" + m["domain"]


def mask_card(m):
    return "**** **** **** " + m.group(4)


clean = [CARD.sub(mask_card, EMAIL.sub(mask_email, line)) for line in lines]
print(clean[0])
print(clean[-1])
print(sorted(seen_domains.items()))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1 b22 c333"))
print(re.subn(r"(\w+)@", r"<\1>@", "x@y z@w"))
print(re.sub(r"(?i)ORDER (\d+)", lambda m: f"#{m[1]}", clean[5]))
del lines
counts = [len(CARD.findall(c)) for c in clean[:100]]
print(sum(counts), EMAIL.pattern[:10])
del clean
