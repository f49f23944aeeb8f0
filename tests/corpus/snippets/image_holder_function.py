import gc


class ImageStore:
    def __init__(self):
        self.images = []

    def load(self, n, size=64 * 64 * 3):
        for i in range(n):
            self.images.append(bytearray(size))


def count_images(n):
    store = ImageStore()
    store.load(n)
    print("loaded", len(store.images), "images")
    return len(store.images)


count_images(3000)
gc.collect()
# the function returned, store is gone, but top still shows the memory
with open("/proc/self/status") as f:
    rss = [l for l in f if l.startswith("VmRSS")][0]
print(rss.strip())
