import sys

a = 256
b = int("256")
print(a is b)
c = 257
d = int("257")
print(c is d, c == d)
print(int("-5") is -5, int("-6") is int("-6"))
nums = [int(str(i % 300)) for i in range(100000)]
small_ids = {id(n) for n in nums if n <= 256}
big_ids = {id(n) for n in nums if n > 256}
print(len(small_ids), len(big_ids) > 1000)
print(sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2 ** 30), sys.getsizeof(2 ** 60), sys.getsizeof(2 ** 100))
print(sys.getrefcount(1) > 100)
floats = [float(i % 300) for i in range(100000)]
print(len({id(f) for f in floats}) > 1000)
del nums, floats
