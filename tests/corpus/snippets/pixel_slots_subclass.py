import sys


class Pixel:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y


class OpenPixel(Pixel):
    """A subclass without __slots__ quietly gets a __dict__ back."""
    pass


class ColorPixel(Pixel):
    __slots__ = ('color',)

    def __init__(self, x, y, color):
        super().__init__(x, y)
        self.color = color


p = Pixel(1, 2)
print(sys.getsizeof(p), hasattr(p, '__dict__'))

op = OpenPixel(1, 2)
op.alpha = 0.5
print(sys.getsizeof(op), op.__dict__)

pixels = [Pixel(i % 640, i // 640) for i in range(200_000)]
open_pixels = [OpenPixel(i % 640, i // 640) for i in range(200_000)]
colored = [ColorPixel(i % 640, i // 640, (i * 7) % 256) for i in range(200_000)]

for q in open_pixels[::2]:
    q.alpha = 1.0

del open_pixels
print(len(pixels), len(colored))
del pixels
