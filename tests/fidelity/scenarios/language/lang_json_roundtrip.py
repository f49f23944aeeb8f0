# title: JSON round trip of a list of records
#
# Issue 7: json. dumps() of 100,000 small dicts builds one big string (the
# encoder's chunks joined at the end, about 9 MB: mmapped); loads() parses it
# back into new dicts, strs and ints (the ints and short strings are new
# objects, not the originals). Dropping the text and the copies frees them.
import json

records = [{"id": i, "name": "user%d" % i, "active": i % 2 == 0, "scores": [i, i * 2, i * 3]} for i in range(100000)]
text = json.dumps(records)
copy = json.loads(text)
same = copy == records
del text
del copy
del records
