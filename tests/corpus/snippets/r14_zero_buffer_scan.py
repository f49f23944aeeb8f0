# "I allocate a zero buffer and RSS stays flat... until I look at it."
# bytes(n) is calloc'd: nothing is written, so the pages are not resident until read.


def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])


start = rss_kb()
payload = bytes(24 * 1024 * 1024)
print("after bytes(24 MiB):", rss_kb() - start > 20000)
head = payload[:1_000_000]
print("first MB copied:", len(head))
newlines = payload.count(b"\n")
print("newlines:", newlines, "grew:", rss_kb() - start > 20000)
other = bytes(len(payload))
print("equal:", payload == other)
text = other[:8_000_000].decode("latin-1")
print(len(text), text[:3] == "\0\0\0")
del text
tail = payload.endswith(b"\0\0")
print("tail:", tail)
del payload, other, head
print("after del:", rss_kb() - start < 4000)
