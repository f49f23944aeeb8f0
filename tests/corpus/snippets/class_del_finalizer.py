class Resource:
    count = 0

    def __init__(self, name):
        self.name = name
        self.data = bytearray(10000)
        Resource.count += 1

    def __del__(self):
        Resource.count -= 1


items = [Resource("r%d" % i) for i in range(5000)]
print("alive:", Resource.count)
del items
print("alive after del:", Resource.count)
