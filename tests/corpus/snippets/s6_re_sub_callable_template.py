import re

context = {f"var{i}": i * 3 for i in range(1000)}
template = " ".join(f"{{{{ var{i % 1200} }}}}" for i in range(30000))
pattern = re.compile(r"\{\{\s*(?P<name>\w+)\s*\}\}")
missing = []


def substitute(m):
    name = m.group("name")
    if name in context:
        return str(context[name])
    missing.append(name)
    return m.group(0)


rendered = pattern.sub(substitute, template)
print(len(template), len(rendered), len(missing), missing[:2])
n = len(pattern.findall(template))
print(n)
snake = re.sub(r"(?<!^)(?=[A-Z])", "_", "ConvertThisCamelCaseName").lower()
print(snake)
print(re.sub(r"(\d+)", lambda m: str(int(m.group(1)) * 2), "a1 b22 c333"))
print(re.subn(r"\s+", " ", "too    many   spaces"))
words = re.split(r"[,;]\s*", "a, b;c,  d")
print(words, re.fullmatch(r"[a-z]+\d*", "abc123") is not None)
del rendered, template
