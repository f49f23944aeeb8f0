data = bytes(range(256)) * 20_000
print(len(data))

view = memoryview(data)
head = view[:1024]
tail = view[-1024:]
print(head.nbytes, tail[0], view.readonly)

# slicing bytes copies; slicing a memoryview does not
copies = [data[i:i + 4096] for i in range(0, len(data), 4096)]
views = [view[i:i + 4096] for i in range(0, len(data), 4096)]
print(len(copies), len(views))

words = view.cast("I")
print(len(words), words[0])

chunk = bytes(views[3])
print(chunk[:4])

del copies
for v in views:
    v.release()
del views, head, tail, words
view.release()
del data
