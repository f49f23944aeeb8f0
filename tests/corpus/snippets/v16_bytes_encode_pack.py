import struct

records = []
for i in range(50000):
    records.append(struct.pack("<iid", i, i * 3, i / 7))
print(len(records), len(records[0]))
blob = b"".join(records)
print(len(blob))
del records
text = blob.hex()
print(len(text))
again = bytes.fromhex(text)
print(again == blob)
del text
words = ("wörd" * 50000).encode("utf-8")
print(len(words))
decoded = words.decode("utf-8")
print(len(decoded))
del words, decoded
ba = bytearray(blob)
ba[::2] = bytes(len(ba[::2]))
print(sum(ba[:100]))
del blob, again, ba
