"""A small expression tree: build a big random expression and evaluate it."""
import random

random.seed(11)


class Node:
    __slots__ = ()


class Num(Node):
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def eval(self):
        return self.value

    def __repr__(self):
        return str(self.value)


class BinOp(Node):
    __slots__ = ("op", "left", "right")
    OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}

    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right

    def eval(self):
        return self.OPS[self.op](self.left.eval(), self.right.eval())

    def __repr__(self):
        return f"({self.left!r} {self.op} {self.right!r})"


def build(depth):
    if depth == 0 or random.random() < 0.1:
        return Num(random.randint(1, 9))
    return BinOp(random.choice("+-*"), build(depth - 1), build(depth - 1))


def count(node):
    if isinstance(node, Num):
        return 1
    return 1 + count(node.left) + count(node.right)


trees = [build(12) for _ in range(20)]
print("nodes:", sum(count(t) for t in trees))
print("values:", [t.eval() % 1000 for t in trees[:6]])
print(repr(build(3)))
text = repr(trees[0])
print("repr length:", len(text))
del trees
