import sys

print(sys.getrecursionlimit())


def build(depth):
    if depth == 0:
        return None
    return [depth, build(depth - 1)]


def depth_of(node):
    return 0 if node is None else 1 + depth_of(node[1])


try:
    chain = build(5000)
except RecursionError as e:
    print("RecursionError:", e)
    chain = None
sys.setrecursionlimit(20000)
chain = build(8000)
print(depth_of(chain))


def count_paths(n, memo={}):
    if n <= 1:
        return 1
    if n not in memo:
        memo[n] = count_paths(n - 1) + count_paths(n - 2)
    return memo[n]


print(count_paths(5000) % 1000000007)
del chain
sys.setrecursionlimit(1000)
try:
    depth_of(build(3000))
except RecursionError:
    print("too deep again")
