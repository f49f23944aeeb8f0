import bisect
from bisect import insort, bisect_left, bisect_right

scores = []
for i in range(30000):
    insort(scores, ((i * 7919) % 100003, f"player{i}"))
print(len(scores), scores[0], scores[-1])
pos = bisect_left(scores, (50000,))
print(pos, scores[pos][0] >= 50000)
cut = bisect_right([s for s, _ in scores], 99000)
print(len(scores) - cut)


class Entry:
    def __init__(self, name, points):
        self.name = name
        self.points = points


board = []
for i in range(20000):
    bisect.insort(board, Entry(f"p{i}", (i * 31) % 1000), key=lambda e: -e.points)
print(board[0].points, board[-1].points, board[0].name)
idx = bisect.bisect_left(board, -500, key=lambda e: -e.points)
print(idx, board[idx].points)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in (33, 99, 77, 70, 89, 90)])
del board, scores
