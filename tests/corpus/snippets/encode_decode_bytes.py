text = "".join(chr(0x41 + i % 26) + "é" for i in range(500000))
print(len(text), "chars")

utf8 = text.encode("utf-8")
latin = text.encode("latin-1")
print(len(utf8), len(latin))

back = utf8.decode("utf-8")
print(back == text, back[:6])
del text, back
hexed = latin[:1000].hex()
print(len(hexed), bytes.fromhex(hexed) == latin[:1000])
