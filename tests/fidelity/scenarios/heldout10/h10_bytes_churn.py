# title: Bytes buffers of many sizes made and dropped, every 50th kept
#
# Held-out (issue 9): a network-ish loop. Payloads from 100 bytes to 300 KB
# are built, sliced and mostly thrown away; a few are kept, then dropped.
kept = []
for i in range(20000):
    size = 100 + (i * 7919) % 300000 if i % 10 == 0 else 100 + (i * 31) % 4000
    payload = bytes(size)
    header = payload[:16]
    if i % 50 == 0:
        kept.append(payload)
total = sum(len(p) for p in kept)
del payload, header
kept.clear()
