from collections import deque

window = deque(maxlen=5000)
maxima = []
for i in range(500000):
    window.append(i % 977)
    if i % 5000 == 0:
        maxima.append(max(window))

print(len(window), maxima[-3:])
