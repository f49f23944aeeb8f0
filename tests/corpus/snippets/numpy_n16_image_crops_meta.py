import numpy as np


class Image(np.ndarray):
    """A grayscale image that remembers where it came from."""

    def __new__(cls, pixels, source='unknown'):
        obj = np.asarray(pixels, dtype=np.float32).view(cls)
        obj.source = source
        obj.history = []
        return obj

    def __array_finalize__(self, obj):
        if obj is None:
            return
        self.source = getattr(obj, 'source', 'unknown')
        self.history = list(getattr(obj, 'history', []))


frame = Image(np.zeros((2048, 2048)), source='camera-0')
print(type(frame).__name__, frame.dtype, frame.nbytes, frame.source)
frame[100:200, 100:200] = 1.0
crops = []
for y in range(0, 2048, 256):
    c = frame[y:y + 256, :256]
    c.history.append(f'crop y={y}')
    crops.append(c)
print(len(crops), crops[0].base is frame, crops[3].history)
del frame
print(crops[0].base.shape, float(crops[0].sum()))
bright = crops[0] * 2.0 + 1.0
print(type(bright).__name__, bright.source, bright.base is not None)
norm = bright / bright.max()
print(float(norm.max()), type(norm.max()).__name__)
copies = [c.copy() for c in crops]
print(type(copies[0]).__name__, copies[0].flags.owndata, copies[0].source)
del crops
plain = [np.asarray(c) for c in copies]
print(type(plain[0]).__name__, plain[0].base is copies[0])
del copies, plain, bright, norm
print('done')
