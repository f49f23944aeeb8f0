import threading

results = []


def job(n):
    data = [i * i for i in range(n)]
    results.append(sum(data))


for n in range(1, 7):
    t = threading.Thread(target=job, args=(n * 20000,))
    t.start()
    t.join()

print(len(results), threading.active_count())
