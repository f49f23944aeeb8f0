# A class with several bases takes each dunder from the first class of its MRO that defines it
# (fixup_slot_dispatchers), even when the first base inherited object's slot; int.from_bytes takes
# anything PyObject_Bytes takes.
class Plain:
    __slots__ = ()
class Behaviour:
    __slots__ = ()
    def __repr__(self):
        return 'Behaviour-repr'
    def __str__(self):
        return 'Behaviour-str'
    def __lt__(self, other):
        return True
    def __eq__(self, other):
        return 'eq'
    def __hash__(self):
        return 42
    def __len__(self):
        return 7
    def __iter__(self):
        return iter([1, 2])
class Both(Plain, Behaviour):
    __slots__ = ('x',)
class WithDict(Plain, Behaviour):
    pass
class Unhashable:
    def __eq__(self, other):
        return False
class Mixed(Plain, Unhashable):
    pass
for cls in (Both, WithDict):
    o = cls()
    print(repr(o), str(o), o < o, o == o, hash(o), len(o), list(o))
try:
    hash(Mixed())
except TypeError as e:
    print('TypeError', e)
print(int.from_bytes([1, 2, 3], 'big'), int.from_bytes((255,), 'little'), int.from_bytes(bytearray(b'\x01\x00'), 'little'))
print(int.from_bytes(map(int, '1 2 3'.split()), 'big'), int.from_bytes(iter([0, 0, 1]), 'big', signed=True))
for bad in (5, 'ab', [256], [-1]):
    try:
        int.from_bytes(bad, 'big')
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
