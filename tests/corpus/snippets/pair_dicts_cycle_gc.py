# circular references between plain dicts: refcounting alone never frees them
import gc


def create_pair():
    a = {'name': 'Foo'}
    b = {'name': 'Bar'}
    a['pair'] = b
    b['pair'] = a


gc.disable()
for i in range(1, 200000):
    create_pair()

print("garbage waiting:", gc.get_count())
found = gc.collect()
print("collected", found, "objects")
gc.enable()
