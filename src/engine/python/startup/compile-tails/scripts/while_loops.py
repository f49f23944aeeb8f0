n = 0
acc = []
while n < 10000:
    if n % 3 == 0:
        acc.append(n)
    elif n % 5 == 0:
        acc.append(-n)
    else:
        pass
    n += 1
while acc:
    acc.pop()
    if len(acc) < 100:
        break
