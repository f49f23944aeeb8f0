# title: Cycles wait for the garbage collector
#
# A list that contains itself is never freed by reference counting. With the
# collector disabled, deleting 100,000 self-referencing lists frees nothing;
# note also that x.append(x) grew each item array from 800 to 928 bytes, so
# every array moved to a new chunk further up the heap. gc.collect() finds the
# unreachable cycles and frees them all, yet the heap keeps its size and RSS
# stays near 100 MB: the loop variable x still refers to the last list, so
# that one is not garbage, and its item array is the highest chunk on the
# heap. One live chunk at the top pins the 90 MB of free chunks below it
# (fordblks) and nothing can be trimmed.
import gc
gc.disable()
a = [[0] * 100 for _ in range(100000)]
for x in a:
    x.append(x)
del a
n = gc.collect()
gc.enable()
