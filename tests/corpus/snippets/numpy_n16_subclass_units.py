import numpy as np

# an ndarray that carries a unit and a note through slicing and arithmetic
class Tagged(np.ndarray):
    def __new__(cls, data, unit='m'):
        obj = np.asarray(data).view(cls)
        obj.unit = unit
        return obj

    def __array_finalize__(self, obj):
        if obj is None:
            return
        self.unit = getattr(obj, 'unit', None)

raw = np.arange(2_000_000, dtype=np.float64)
t = Tagged(raw, unit='s')
print(type(t).__name__, t.unit, t.base is raw, t.nbytes)
half = t[:1_000_000]
print(type(half).__name__, half.unit, half.base is raw)
scaled = t * 2.0
print(type(scaled).__name__, scaled.unit, scaled.base is None)
del raw
parts = [t[i * 1000:(i + 1) * 1000] for i in range(500)]
print(len(parts), parts[-1].unit, parts[-1].shape)
del t, half
plain = np.asarray(scaled)
print(type(plain).__name__, plain.base is scaled)
del scaled
print(isinstance(parts[0], np.ndarray), float(parts[3].sum()))
del parts, plain
print('done')
