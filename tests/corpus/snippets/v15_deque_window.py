from collections import deque

window = deque(maxlen=5000)
means = []
total = 0.0
for i in range(300000):
    x = (i * 7919) % 1000 / 10.0
    if len(window) == window.maxlen:
        total -= window[0]
    window.append(x)
    total += x
    if i % 100 == 0:
        means.append(total / len(window))
print(len(means), round(means[-1], 3))
history = deque(range(200000))
history.rotate(12345)
print(history[0])
while len(history) > 1000:
    history.popleft()
print(len(history))
del means, window
