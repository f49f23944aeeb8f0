# json.dumps of deeply nested dicts (a config tree, a comment thread): the C encoder counts one
# recursion level per container and stops with RecursionError at the interpreter's limit.
import json
import sys


def nest(depth):
    doc = {"leaf": list(range(10))}
    for i in range(depth):
        doc = {"level": i, "child": doc, "tags": ["a", "b"]}
    return doc


shallow = nest(200)
shallow_text = json.dumps(shallow)
print(len(shallow_text))

deep = nest(3000)
try:
    deep_text = json.dumps(deep)
except RecursionError as e:
    deep_text = ""
    print("json.dumps:", e)

sys.setrecursionlimit(10000)
deep_text = json.dumps(deep)
back = json.loads(deep_text)
print(len(deep_text), back["level"])
del deep, back, deep_text
