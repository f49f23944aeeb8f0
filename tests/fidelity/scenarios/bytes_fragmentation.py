# title: Every other bytes object: fragmentation
#
# Fifty thousand 2,000-byte bytes objects fill 100 MB of heap in address
# order. Deleting every other one frees half the bytes, but each free chunk
# sits between two live ones, so none can merge and none touches the top:
# fordblks goes up by 50 MB, the heap and RSS do not go down. Only when the
# survivors go too does the memory coalesce and return.
chunks = [bytes(2000) for _ in range(50000)]
del chunks[::2]
n = len(chunks)
del chunks
