import sys

ascii_s = ["plain%d" % i for i in range(100000)]
latin = ["caf\u00e9%d" % i for i in range(100000)]
wide = ["\u4e2d\u6587%d" % i for i in range(100000)]
emoji = ["\U0001f600%d" % i for i in range(50000)]
print(sys.getsizeof(ascii_s[1]), sys.getsizeof(latin[1]), sys.getsizeof(wide[1]), sys.getsizeof(emoji[1]))
enc = [s.encode("utf-8") for s in wide]
print(sum(len(b) for b in enc))
del ascii_s, latin
del wide, emoji, enc
