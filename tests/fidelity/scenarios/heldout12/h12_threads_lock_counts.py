# title: Worker threads count words into a shared dict under a Lock
#
# Held-out (issue 9): the classic "threads and a lock" pattern. Two workers
# split text and update a shared Counter-like dict under a Lock.
import threading

text = " ".join(f"word{i % 4000}" for i in range(200000))
counts = {}
lock = threading.Lock()


def count_words(part):
    local = {}
    for w in part.split():
        local[w] = local.get(w, 0) + 1
    with lock:
        for w, c in local.items():
            counts[w] = counts.get(w, 0) + c


half = len(text) // 2
parts = [text[:half], text[half:]]
threads = [threading.Thread(target=count_words, args=(p,)) for p in parts]
for t in threads:
    t.start()
for t in threads:
    t.join()
del parts, text
distinct = len(counts)
counts = {}
