class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5


points = [Point(i, i + 1) for i in range(1000)]
total = sum(p.norm() for p in points)
del points
