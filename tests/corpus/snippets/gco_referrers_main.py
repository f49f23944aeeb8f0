import gc
import sys

big_buffer = bytearray(10_000_000)
holders = [big_buffer]


def who_holds(obj):
    for ref in gc.get_referrers(obj):
        if isinstance(ref, dict) and ref.get("__name__") == "__main__":
            print("  module globals of __main__")
        elif isinstance(ref, list):
            print("  a list of", len(ref), "items")
        else:
            print("  a", type(ref).__name__)


print("referrers of big_buffer:")
who_holds(big_buffer)
print("refcount:", sys.getrefcount(big_buffer))
holders.clear()
print("after clear:")
who_holds(big_buffer)
print("tracked:", gc.is_tracked(big_buffer), gc.is_tracked(holders), gc.is_tracked(42), gc.is_tracked(gc.get_objects()[0]))
del big_buffer
print(len([o for o in gc.get_objects() if isinstance(o, bytearray)]))
