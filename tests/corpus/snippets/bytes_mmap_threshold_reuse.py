# Big temporary buffers: the first few go to mmap and come straight back; after a
# free glibc raises its mmap threshold and the next ones land in the heap instead.
import os


def read_status(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1])
    return -1


print("start VmRSS kB:", read_status("VmRSS") > 0)

tmp = bytes(512 * 1024)
print("one 512 KiB bytes:", len(tmp))
del tmp

buffers = []
for i in range(40):
    b = bytearray(300 * 1024)
    b[::4096] = b"\x01" * len(b[::4096])
    buffers.append(b)
print("40 buffers of 300 KiB:", sum(map(len, buffers)))

del buffers[::2]
print("kept", len(buffers))

payloads = [os.urandom(200 * 1024) for _ in range(10)]
print("random payloads:", len(payloads))
del payloads

buffers.clear()
joined = b"-".join(bytes(150 * 1024) for _ in range(20))
print("joined:", len(joined))
del joined
