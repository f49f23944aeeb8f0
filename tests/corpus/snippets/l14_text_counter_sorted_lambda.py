import re
from collections import Counter
text = " ".join(f"word{i % 997} other{i % 13} the a an" for i in range(50000))
lines = [text[i:i + 80] for i in range(0, len(text), 80)]
print(len(lines))
words = re.findall(r"[a-z]+\d*", text)
c = Counter(words)
top = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
del words
upper = [ln.upper() for ln in lines]
joined = "\n".join(upper)
print(len(joined), joined[:20])
del lines, upper, text
print(sum(len(k) for k in c))
