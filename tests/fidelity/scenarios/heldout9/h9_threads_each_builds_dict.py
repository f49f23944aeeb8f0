# title: Threads that each build a dict, one at a time
#
# Held-out (issue 9): three threads run one after another (each started and
# joined before the next), each building a dict of 30,000 strings it hands
# back; the main thread keeps them, then drops them one by one.
import threading

out = []


def build(k):
    out.append({i: "v%d-%d" % (k, i) for i in range(30000)})


for k in range(3):
    t = threading.Thread(target=build, args=(k,))
    t.start()
    t.join()
first = out.pop(0)
del first
out.clear()
