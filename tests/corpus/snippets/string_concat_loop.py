s = ""
for i in range(20000):
    s += str(i) + ","

parts = s.split(",")
print(len(s), len(parts))
s = ""
parts = []
