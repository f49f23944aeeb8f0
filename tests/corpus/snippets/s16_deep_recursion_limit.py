import sys

print(sys.getrecursionlimit())

def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)

try:
    depth(5000)
except RecursionError as e:
    print("RecursionError:", str(e)[:30])

sys.setrecursionlimit(20000)
print(depth(15000))

def build(n):
    if n == 0:
        return None
    return [n, build(n - 1)]

chain = build(10000)
count = 0
node = chain
while node:
    count += 1
    node = node[1]
print(count)

def flatten(tree, out):
    if tree is None:
        return out
    out.append(tree[0])
    return flatten(tree[1], out)

flat = flatten(chain, [])
print(len(flat), flat[:3])
del chain, flat
sys.setrecursionlimit(1000)
print(sys.getrecursionlimit())
