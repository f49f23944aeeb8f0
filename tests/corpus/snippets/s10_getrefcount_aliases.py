import sys

payload = [0] * 100000
print(sys.getrefcount(payload))
alias = payload
holder = {"data": payload}
items = [payload, payload]
print(sys.getrefcount(payload))

def peek(x):
    return sys.getrefcount(x)

print(peek(payload))
del items
print(sys.getrefcount(payload))
holder.clear()
del alias
print(sys.getrefcount(payload))
s = "a-unique-string-for-refcount-test"
print(sys.getrefcount(s) >= 2)
nums = [sys.getrefcount(object()) for _ in range(3)]
print(nums)
t = tuple(range(5))
refs = [t] * 1000
print(sys.getrefcount(t))
del refs
print(sys.getrefcount(t))
del payload
