# title: A big dict of sessions, churned: expire half, add new ones, clear
#
# Held-out (issue 9): a cache keyed by session ids. 200,000 entries of small
# lists; every other one expires; 100,000 new ones arrive; then clear().
sessions = {}
for i in range(200000):
    sessions["sess-%08d" % i] = [i, i * 2, "user%d" % (i % 5000)]
for i in range(0, 200000, 2):
    del sessions["sess-%08d" % i]
for i in range(200000, 300000):
    sessions["sess-%08d" % i] = [i, i * 2, "user%d" % (i % 5000)]
n = len(sessions)
sessions.clear()
del sessions
