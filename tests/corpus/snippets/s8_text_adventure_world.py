import gc


class Item:
    def __init__(self, name, weight):
        self.name = name
        self.weight = weight

    def __repr__(self):
        return f"Item({self.name!r})"


class Room:
    def __init__(self, name, description):
        self.name = name
        self.description = description
        self.exits = {}
        self.items = []

    def connect(self, direction, other, back):
        self.exits[direction] = other
        other.exits[back] = self


class Player:
    def __init__(self, room):
        self.room = room
        self.inventory = []

    def go(self, direction):
        if direction not in self.room.exits:
            return False
        self.room = self.room.exits[direction]
        return True

    def take_all(self):
        self.inventory.extend(self.room.items)
        self.room.items = []


def build_world(size):
    grid = [[Room(f"room {x},{y}", "A dusty room. " * 5) for x in range(size)] for y in range(size)]
    for y in range(size):
        for x in range(size):
            r = grid[y][x]
            r.items = [Item(f"coin{x}{y}{k}", k) for k in range((x + y) % 4)]
            if x + 1 < size:
                r.connect("east", grid[y][x + 1], "west")
            if y + 1 < size:
                r.connect("south", grid[y + 1][x], "north")
    return grid[0][0]


start = build_world(120)
hero = Player(start)
moves = 0
for step in range(5000):
    if hero.go("east" if step % 3 else "south"):
        moves += 1
    hero.take_all()
print(moves, hero.room.name, len(hero.inventory), hero.inventory[:2])
del start, hero
print("collected", gc.collect())
