import gc

graveyard = []

class Zombie:
    def __init__(self, n):
        self.n = n
        self.data = [n] * 100

    def __del__(self):
        if self.n % 2 == 0:
            graveyard.append(self)

mobs = [Zombie(i) for i in range(10000)]
del mobs
print("resurrected:", len(graveyard))
gc.collect()
print("after collect:", len(graveyard))
graveyard.clear()
print("cleared:", len(graveyard))
