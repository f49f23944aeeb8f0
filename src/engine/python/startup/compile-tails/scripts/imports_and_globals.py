import os
import sys
import collections
from functools import reduce
from itertools import chain

counter = collections.Counter("abracadabra" * 100)
merged = list(chain(range(100), range(200)))
product = reduce(lambda a, b: a * b % 1000003, range(1, 2000), 1)
print(os.getpid() > 0, sys.version_info[0], counter.most_common(2))
