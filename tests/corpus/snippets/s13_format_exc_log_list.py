import traceback

def risky(n):
    data = list(range(n))
    return data[n]

log = []
for n in range(1, 3001):
    try:
        risky(n)
    except IndexError:
        log.append(traceback.format_exc())
print("entries:", len(log), "chars:", sum(map(len, log)))
print(log[-1].splitlines()[-1])
del log[:2000]
print("kept:", len(log))
del log
