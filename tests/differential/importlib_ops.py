# importlib.import_module: absolute and relative names, the errors; invalidate_caches
import importlib
j = importlib.import_module('json')
import json
print(j is json, j.__name__)
p = importlib.import_module('os.path')
print(p.__name__)
try:
    importlib.import_module('no_such_mod_x')
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    importlib.import_module('.x')
except TypeError as e:
    print('TypeError', e)
try:
    importlib.import_module(5)
except Exception as e:
    print(type(e).__name__, e)
print(importlib.invalidate_caches())
c = importlib.import_module('collections.abc')
print(c.__name__)
try:
    importlib.import_module('..x', 'pkg')
except Exception as e:
    print(type(e).__name__, e)
