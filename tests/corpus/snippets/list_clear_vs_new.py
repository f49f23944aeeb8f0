data = list(range(2000000))
total = sum(data)
data.clear()
data = [x * 2 for x in range(1000)]
print(total, len(data))
