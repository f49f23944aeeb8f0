# title: Big integers: digits in pymalloc, huge ones in mmap
#
# Issue 8's big ints case. 2**100 + i needs 4 30-bit digits: a 44-byte int
# (pymalloc's 48-byte class) on every version (3.12 replaced ob_size with
# lv_tag, same size). 7 ** 300000 has 842,000 bits, about 112 KB of digits:
# under the mmap threshold, a brk-heap chunk; its square (225 KB) is mmapped.
# Intermediate results of the power are freed on the way.
nums = [2**100 + i for i in range(300000)]
total = sum(nums)
big = 7**300000
bigger = big * big
del nums
del big
del bigger
