# int.to_bytes / from_bytes, bytes.hex / fromhex: packing ids for a wire format.
ids = list(range(10**12, 10**12 + 80_000))

packed = [i.to_bytes(8, "big") for i in ids]
print("packed:", len(packed), packed[0])

blob = b"".join(packed)
print("blob length:", len(blob))

unpacked = [int.from_bytes(blob[i : i + 8], "big") for i in range(0, len(blob), 8)]
print("round trip ok:", unpacked == ids)

hex_ids = [b.hex() for b in packed]
print("hex sample:", hex_ids[0], "separator:", packed[1].hex(":", 2))

back = [bytes.fromhex(h) for h in hex_ids]
print("fromhex ok:", back == packed)

signed = (-12345).to_bytes(4, "little", signed=True)
print("signed:", signed, int.from_bytes(signed, "little", signed=True))

big = int.from_bytes(blob[:4096], "little")
print("big int bits:", big.bit_length())
del packed, unpacked, back, hex_ids
del blob, big, ids
