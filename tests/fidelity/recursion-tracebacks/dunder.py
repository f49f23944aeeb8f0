class R:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return repr(R(self.n + 1))

    def __call__(self, n):
        return self(n + 1)


try:
    R(0)(0)
except RecursionError as e:
    print("call:", e)
repr(R(0))
