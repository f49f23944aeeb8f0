text = "\n".join("line %d of the log, status=%s" % (i, "ok" if i % 3 else "fail") for i in range(150000))
print(len(text))
lines = text.splitlines()
fails = [ln for ln in lines if ln.endswith("fail")]
print(len(fails))
del lines
words = text.split()
print(len(words))
upper = text.upper()
print(upper[:10])
del words, upper
replaced = text.replace("status", "st")
print(len(replaced))
del text, replaced
