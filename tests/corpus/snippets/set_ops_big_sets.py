# "Why does my process use 200 MB for a couple of sets?" -- two big sets of ids,
# the usual set algebra between them, then dropping the inputs.
import sys

active = set(range(0, 600_000, 2))
paying = set(range(0, 600_000, 3))
print(f"active={len(active):,} paying={len(paying):,} size={sys.getsizeof(active) / 2**20:.1f} MiB")

both = active & paying
either = active | paying
only_active = active - paying
odd_one_out = active ^ paying
print("both", len(both), "either", len(either), "only active", len(only_active), "xor", len(odd_one_out))

print("subset?", both <= active, "disjoint?", only_active.isdisjoint(paying))

active.difference_update(range(0, 300_000))
print("after difference_update:", len(active), "bytes:", sys.getsizeof(active))

del either, odd_one_out
paying.clear()
print("paying cleared, getsizeof:", sys.getsizeof(paying))

churn = {i * 7 for i in range(200_000)}
churn -= {i * 14 for i in range(100_000)}
print("churn", len(churn))
del active, both, only_active, churn
