# title: Medium bytes buffers, freed, then the process idles
#
# Held-out (issue 9): buffers between 64 KiB and 1 MiB (around glibc's mmap
# threshold) are freed and the program sleeps, as a service does between
# requests. Does the memory come back while it sleeps?
import time

bufs = []
for i in range(200):
    bufs.append(bytes(65536 + (i * 4099) % 900000))
total = sum(len(b) for b in bufs)
del bufs
time.sleep(0.5)
again = [bytearray(100000) for _ in range(50)]
del again
time.sleep(2)
