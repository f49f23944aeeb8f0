import gc
import time

gc.disable()
t0 = time.perf_counter()
data = [{"k": i, "v": [i]} for i in range(500000)]
t1 = time.perf_counter()
gc.enable()
print(f"built in {t1 - t0:.2f}s, gc counts {gc.get_count()}")
del data
gc.collect()
