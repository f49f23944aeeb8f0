import array
import sys

nums_list = [i * 2 for i in range(300000)]
nums_array = array.array("q", nums_list)
nums_bytes = bytes(i % 256 for i in range(300000))

print("list :", sys.getsizeof(nums_list))
print("array:", sys.getsizeof(nums_array))
print("bytes:", sys.getsizeof(nums_bytes))

del nums_list
print(sum(nums_array), nums_array[-1])

small = array.array("H")
for i in range(100000):
    small.append(i % 60000)
print(len(small), small.itemsize, small.buffer_info()[1])

doubled = array.array("d", (x * 0.5 for x in nums_array))
print(doubled[10])
raw = doubled.tobytes()
print(len(raw))
del doubled, raw, nums_array
