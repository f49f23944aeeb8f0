import json

def build(depth, fanout):
    if depth == 0:
        return {"leaf": True, "value": depth * 1.5, "tags": ["a", "b"]}
    return {"leaf": False, "children": [build(depth - 1, fanout) for _ in range(fanout)]}

tree = build(6, 5)
blob = json.dumps(tree)
print("json chars:", len(blob))
again = json.loads(blob)
print("equal:", again == tree)
pretty = json.dumps(again, indent=2, sort_keys=True)
print("pretty chars:", len(pretty))
del pretty
del tree, blob
count = 0
stack = [again]
while stack:
    node = stack.pop()
    count += 1
    stack.extend(node.get("children", []))
print("nodes:", count)
del again
