import bisect
import random

random.seed(3)
scores = []
names = []
for i in range(20000):
    s = random.randint(0, 100000)
    pos = bisect.bisect(scores, s)
    scores.insert(pos, s)
    names.insert(pos, f"player{i}")

print(scores[:3], scores[-3:], names[-1])


def rank(score):
    return len(scores) - bisect.bisect_right(scores, score) + 1


print(rank(50000), rank(99999), rank(0))

board = []
for i in range(20000):
    bisect.insort(board, (random.randint(0, 1000), f"p{i}"))
print(board[0], board[-1], len(board))
lo = bisect.bisect_left(board, (500,))
hi = bisect.bisect_left(board, (600,))
print(hi - lo)
del board[: len(board) // 2]
print(len(board))
del scores, names, board
