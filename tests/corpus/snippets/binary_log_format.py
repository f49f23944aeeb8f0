# Build a binary log with bytes %-formatting, like a C printf into a buffer.
import time

entries = []
for i in range(50000):
    level = b"WARN" if i % 7 == 0 else b"INFO"
    entries.append(b"%08d %-5s %s id=%x took=%.3fms\n" % (i, level, b"request handled", i * 31, (i % 97) / 10))

log = b"".join(entries)
print(len(entries), len(log), entries[7])
del entries

header = bytearray(b"LOG1 %d entries\n") % 50000
print(header, log[:40])
del log
