import sys

nums_list = [x * x for x in range(3000000)]
print("list:", sys.getsizeof(nums_list))
total1 = sum(nums_list)
del nums_list

nums_gen = (x * x for x in range(3000000))
print("gen:", sys.getsizeof(nums_gen))
total2 = sum(nums_gen)
print(total1 == total2)
