# title: JSON-like records: a list of small dicts
#
# Held-out (issue 9): 60,000 records as dicts with a string, an int and a
# short list, as a parsed JSON document gives; dropped, then a wait, then a
# smaller batch built again.
import time

records = [{"id": i, "name": "user%06d" % i, "tags": ["a", "b", str(i % 10)]} for i in range(60000)]
del records
time.sleep(2)
records = [{"id": i, "name": "u%d" % i} for i in range(5000)]
del records
