import signal
import os

# a long job that dumps its progress when it gets SIGUSR1: the handler closes over a growing list
seen = []
reports = []

def on_usr1(signum, frame):
    reports.append((signal.Signals(signum).name, len(seen), frame.f_lineno))

previous = signal.signal(signal.SIGUSR1, on_usr1)
print(previous, signal.getsignal(signal.SIGUSR1) is on_usr1)

for i in range(80000):
    seen.append({"id": i, "name": f"item-{i}"})
    if i % 20000 == 0:
        os.kill(os.getpid(), signal.SIGUSR1)
print(len(reports), reports[-1])

signal.raise_signal(signal.SIGUSR1)
print(reports[-1][:2])

signal.signal(signal.SIGUSR1, signal.SIG_DFL)
del seen[:60000]
print(len(seen), len(reports))

try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("interrupted, cleaning up")
seen.clear()
