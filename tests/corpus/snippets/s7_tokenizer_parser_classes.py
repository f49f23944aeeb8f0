class Token:
    __slots__ = ("kind", "text")

    def __init__(self, kind, text):
        self.kind = kind
        self.text = text

    def __repr__(self):
        return f"{type(self).__name__}({self.text!r})"


class Number(Token):
    __slots__ = ()

    def __init__(self, text):
        super().__init__("num", text)


class Op(Token):
    __slots__ = ()

    def __init__(self, text):
        super().__init__("op", text)


def tokenize(src):
    out, i = [], 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            out.append(Number(src[i:j]))
            i = j
        elif ch in "+-*/()":
            out.append(Op(ch))
            i += 1
        else:
            raise SyntaxError(f"bad char {ch!r} at {i}")
    return out


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos].text if self.pos < len(self.tokens) else None

    def take(self):
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def expr(self):
        node = self.term()
        while self.peek() in ("+", "-"):
            node = (self.take().text, node, self.term())
        return node

    def term(self):
        node = self.atom()
        while self.peek() in ("*", "/"):
            node = (self.take().text, node, self.atom())
        return node

    def atom(self):
        tok = self.take()
        if tok.text == "(":
            node = self.expr()
            self.take()
            return node
        return int(tok.text)


def evaluate(node):
    if isinstance(node, int):
        return node
    op, a, b = node
    a, b = evaluate(a), evaluate(b)
    return a + b if op == "+" else a - b if op == "-" else a * b if op == "*" else a // b


sources = [f"({i} + {i % 7}) * {i % 5 + 1} - {i % 3} / 1" for i in range(8000)]
trees = [Parser(tokenize(s)).expr() for s in sources]
print(trees[3])
print(sum(evaluate(t) for t in trees))
print(tokenize("12+(3*4)"))
try:
    tokenize("1 + x")
except SyntaxError as e:
    print("error:", e)
del trees
