import sys

stack = []
sizes = set()
for i in range(200000):
    stack.append(i)
    sizes.add(sys.getsizeof(stack))
print(len(stack), len(sizes), sys.getsizeof(stack))
while len(stack) > 10:
    stack.pop()
print(len(stack), sys.getsizeof(stack))
big = [None] * 300000
print(sys.getsizeof(big))
del big[1000:]
print(len(big), sys.getsizeof(big))
big.extend(range(50))
print(sys.getsizeof(big))
del big
queue = list(range(100000))
while queue:
    queue = queue[1000:]
print(len(queue), sys.getsizeof(queue))
