# title: Reading a file in 64 KiB chunks, joining them
#
# Held-out (issue 9): a download or file read done chunk by chunk, joined
# into one big bytes object, then both dropped in two steps.
chunks = []
for i in range(1500):
    chunks.append(bytes([i % 256]) * 65536)
data = b"".join(chunks)
del chunks
n = len(data)
del data
