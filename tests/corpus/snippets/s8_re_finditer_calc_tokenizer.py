import operator
import re
from typing import Iterator, NamedTuple


class Token(NamedTuple):
    kind: str
    value: str
    pos: int


SPEC = [
    ("NUMBER", r"\d+(?:\.\d*)?"),
    ("NAME", r"[A-Za-z_]\w*"),
    ("OP", r"[+\-*/()]"),
    ("SKIP", r"[ \t]+"),
    ("MISMATCH", r"."),
]
MASTER = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in SPEC))


def tokenize(text: str) -> Iterator[Token]:
    for m in MASTER.finditer(text):
        kind = m.lastgroup
        if kind == "SKIP":
            continue
        if kind == "MISMATCH":
            raise SyntaxError(f"unexpected {m.group()!r} at {m.start()}")
        yield Token(kind, m.group(), m.start())


PREC = {"+": 1, "-": 1, "*": 2, "/": 2}
OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}


def evaluate(text, env):
    out, ops = [], []

    def apply():
        op = ops.pop()
        b, a = out.pop(), out.pop()
        out.append(OPS[op](a, b))

    for tok in tokenize(text):
        if tok.kind == "NUMBER":
            out.append(float(tok.value))
        elif tok.kind == "NAME":
            out.append(env[tok.value])
        elif tok.value == "(":
            ops.append("(")
        elif tok.value == ")":
            while ops[-1] != "(":
                apply()
            ops.pop()
        else:
            while ops and ops[-1] != "(" and PREC[ops[-1]] >= PREC[tok.value]:
                apply()
            ops.append(tok.value)
    while ops:
        apply()
    return out[0]


print(list(tokenize("x + 2.5*(y-1)")))
exprs = [f"(a{i % 10} + {i}) * 2 - b / {1 + i % 9}" for i in range(20000)]
env = {f"a{k}": k * 1.5 for k in range(10)} | {"b": 18.0}
results = [evaluate(e, env) for e in exprs]
print(len(results), results[:3], round(sum(results), 3))
all_tokens = [t for e in exprs[:5000] for t in tokenize(e)]
print(len(all_tokens), all_tokens[-1])
try:
    list(tokenize("1 + $"))
except SyntaxError as e:
    print("error:", e)
del all_tokens, results
