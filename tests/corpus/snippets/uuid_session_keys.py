import uuid
import sys

sessions = {}
for i in range(50000):
    sessions[uuid.uuid4()] = {"user": i, "active": True}

print(len(sessions), sys.getsizeof(sessions))
some = next(iter(sessions))
print(some.version, len(str(some)), sys.getsizeof(some))

# drop the inactive half
for key in list(sessions)[::2]:
    del sessions[key]
print(len(sessions))

sessions.clear()
print("cleared")
