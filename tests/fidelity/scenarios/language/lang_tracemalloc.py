# title: The same work with tracemalloc off and on
#
# Issue 7: tracemalloc. While tracing, every live block has a trace entry in
# tracemalloc's own hash tables (glibc heap): about 150,000 blocks here, so
# the traced build costs noticeably more memory than the same build untraced.
# take_snapshot() copies all traces, and statistics() groups them by line.
# stop() frees every trace.
import tracemalloc

data = [str(i) * 2 for i in range(150000)]
del data
tracemalloc.start()
data = [str(i) * 2 for i in range(150000)]
current, peak = tracemalloc.get_traced_memory()
snapshot = tracemalloc.take_snapshot()
top = snapshot.statistics("lineno")[:5]
del snapshot, top
tracemalloc.stop()
del data
