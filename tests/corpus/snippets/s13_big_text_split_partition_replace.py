text = "\n".join(f"2026-12-07 12:{i % 60:02d}:00 INFO request={i} path=/api/v1/items/{i % 997} status=200"
                 for i in range(100000))
print("text chars:", len(text))
lines = text.split("\n")
print("lines:", len(lines))
paths = [line.partition("path=")[2].split(" ", 1)[0] for line in lines]
print("distinct paths:", len(set(paths)))
redacted = text.replace("request=", "req#")
print("redacted chars:", len(redacted))
del lines
upper = redacted.upper()
print(upper.count("STATUS=200"))
del upper, redacted
del paths
del text
