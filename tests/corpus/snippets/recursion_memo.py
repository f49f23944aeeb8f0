import sys

sys.setrecursionlimit(10000)

memo = {}

def paths(r, c):
    if r == 0 or c == 0:
        return 1
    key = (r, c)
    if key in memo:
        return memo[key]
    memo[key] = paths(r - 1, c) + paths(r, c - 1)
    return memo[key]

print(paths(300, 300) % 1000007)
print(len(memo))

def depth(n):
    if n == 0:
        return []
    x = depth(n - 1)
    x.append(n)
    return x

print(len(depth(5000)))
memo.clear()
