results = []
for i in range(1000000):
    results.append(i * 3)

# keep only the last 100
results = results[-100:]
print(len(results), results[0])
