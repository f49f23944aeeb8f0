# __main__ as `python script.py` makes it (pymain): its 9 keys in order, their values, and the
# globals dict growing past them (16 slots hold 10 keys: the 2nd global of the script resizes it)
import sys
sizes = [sys.getsizeof(globals())]
print(list(globals()))
print(__name__, __doc__, __package__, __spec__, __annotations__, __cached__)
print(type(__loader__).__name__, type(__loader__).__module__, __loader__.name)
print(__loader__.path == __file__, __loader__.get_filename() == __file__, __loader__.is_package('__main__'))
import os
from pathlib import Path
print(os.path.isabs(__file__), __file__.endswith('.py'), Path(__file__).suffix, Path(__file__).is_absolute())
print(os.path.dirname(os.path.abspath(__file__)) == os.path.dirname(__file__), str(Path(__file__).parent) == os.path.dirname(__file__))
print(os.path.join(os.path.dirname(__file__), 'data.txt') == str(Path(__file__).parent / 'data.txt'))
print(repr(__loader__).startswith('<_frozen_importlib_external.SourceFileLoader object at 0x'))
print(type(__builtins__).__name__, __builtins__.__name__, sorted(globals()))
g = globals()
for i in range(14):
    sizes.append((len(g), sys.getsizeof(g)))
    g['k%d' % i] = i
print(sizes)
del g['k0'], g['k1']
print(len(g), sys.getsizeof(g), sorted(k for k in g if k.startswith('__')))
print(__annotations__)
x: int = 3
print(__annotations__, 'x' in globals())
