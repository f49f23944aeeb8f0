def describe(value):
    match value:
        case 0:
            return "zero"
        case [x, y]:
            return f"pair {x} {y}"
        case {"k": v}:
            return f"dict {v}"
        case str() as s if len(s) > 3:
            return "long string"
        case _:
            return "other"


out = [describe(v) for v in (0, [1, 2], {"k": 3}, "hello", 4.5) * 500]
