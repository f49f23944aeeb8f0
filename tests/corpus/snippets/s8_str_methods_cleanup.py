raw = [
    f"  {'  '.join(['Alice', 'BOB', 'carol'][i % 3] for _ in range(1))} ; {i:>5} ;  {'yes' if i % 2 else 'NO'} ;{'x' * (i % 7)}\t"
    for i in range(80000)
]
clean = []
for line in raw:
    name, num, flag, tail = (part.strip() for part in line.split(";"))
    clean.append((name.title(), int(num), flag.lower() == "yes", tail.zfill(8)))
print(clean[:3])
print(raw[1].strip().replace(" ", "").upper().rstrip("X"))
print("hello world".center(21, "*"), "abc".ljust(6, ".") + "|", "7".rjust(3, "0"))
print("a,b,,c".split(","), "a b  c".split(), "k=v=w".partition("="), "k=v=w".rpartition("="))
print("Title Case Words".swapcase(), "ß".upper(), "ǅ".lower(), "straße".casefold())
print("abc123".isalnum(), "123".isdigit(), "   ".isspace(), "Hello".istitle(), "x".isidentifier())
print("2024-01-02".startswith(("2023", "2024")), "file.tar.gz".endswith(".gz"), "banana".count("an"))
print("banana".find("z"), "banana".rfind("a"), "banana".index("n"), "tab\tsep".expandtabs(4))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "-".join(map(str, range(5))))
table = str.maketrans({"a": "4", "e": "3", "o": None})
print("hello there everyone".translate(table))
joined = "\n".join(f"{n:<8}|{v:>6}|{f!s:^7}|{t}" for n, v, f, t in clean)
print(len(joined), joined.count("\n"), joined.splitlines()[2])
del raw, clean, joined
