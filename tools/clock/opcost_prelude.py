class O:
    def __init__(self):
        self.a = 1


def nothing():
    pass


G = 1


def arguments(n):
    keys = list(range(n))
    return (range(n), n, 10**9, [1] * 10, [], keys, dict.fromkeys(keys), O(), nothing)
