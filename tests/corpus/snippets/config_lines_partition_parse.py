def make_config(n):
    lines = ["# generated config", ""]
    for i in range(n):
        lines.append(f"[section{i // 50}]" if i % 50 == 0 else f"key_{i} = value {i} ; comment")
        if i % 7 == 0:
            lines.append("   ")
    return "\n".join(lines)


def parse(text):
    data = {}
    current = data.setdefault("DEFAULT", {})
    for raw in text.splitlines():
        line = raw.split(";", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = data.setdefault(line[1:-1], {})
            continue
        key, sep, value = line.partition("=")
        if sep:
            current[key.strip().lower()] = value.strip()
    return data


text = make_config(60_000)
print("config chars:", len(text))

config = parse(text)
print("sections:", len(config), "keys in section3:", len(config["section3"]))

name, _, rest = "user.name.first".rpartition(".")
print(name, rest)
print("rsplit:", "a/b/c/d".rsplit("/", 2), "lstrip:", "   pad".lstrip())

flat = {f"{s}.{k}": v for s, kv in config.items() for k, v in kv.items()}
print("flattened", len(flat), next(iter(flat.items())))
upper = [v.upper() for v in flat.values()]
print(upper[-1])
del text, flat, upper
