# title: Encoding strings to bytes and back
texts = ["line %d of the log" % i for i in range(150000)]
encoded = [t.encode() for t in texts]
payload = b"\n".join(encoded)
decoded = payload.decode("utf-8")
big = bytes(3000000)
del texts, encoded
del payload
del decoded, big
