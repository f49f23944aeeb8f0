import sys

ascii_names = [f"user_{i}" for i in range(50000)]
latin_names = [f"usér_{i}" for i in range(50000)]
cjk_names = [f"用户_{i}" for i in range(50000)]
emoji_names = [f"😀_{i}" for i in range(50000)]

for label, names in [("ascii", ascii_names), ("latin1", latin_names), ("ucs2", cjk_names), ("ucs4", emoji_names)]:
    total = sum(sys.getsizeof(s) for s in names)
    print(f"{label:>6}: {total:>10,} bytes")

encoded = [s.encode("utf-8") for s in emoji_names]
print(sum(len(b) for b in encoded))
del cjk_names, emoji_names
del encoded
